using System.Globalization;
using TotangoReports.Api;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Configuration;
using TotangoReports.Definition;
using TotangoReports.Store;

namespace TotangoReports.Cli.Commands;

/// <summary>The <c>history</c> commands' shared wiring: the engine with this command's configuration, the store it picks.</summary>
public abstract class HistoryCommand<TSettings>(CliEnvironment environment) : CommandBase<TSettings>(environment)
    where TSettings : HistoryStoreSettings
{
    private protected ReportEngine Engine(TSettings settings)
    {
        return new ReportEngine(EngineOptions(LoadConfiguration(settings), CreateLogger(settings)));
    }

    private protected ReportDefinition Definition(string path, bool needsHistory)
    {
        var definition = ReportEngine.LoadDefinition(FullPath(path));
        if (needsHistory && definition.History is null)
        {
            throw new CliInputException($"{path} has no history: block, so nothing of it is recorded; add 'history: {{ keep: 104w }}' to it");
        }

        return definition;
    }

    private protected string? StatePath(TSettings settings) => settings.State is null ? null : FullPath(settings.State);
}

/// <summary><c>history list [DEF]</c>: definitions, datasets and snapshots with their times, rows and sizes.</summary>
public sealed class HistoryListCommand(CliEnvironment environment) : HistoryCommand<HistoryListSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, HistoryListSettings settings, CancellationToken cancellationToken)
    {
        var engine = Engine(settings);
        var definition = settings.Definition is null ? null : Definition(settings.Definition, needsHistory: false);
        await using var store = engine.OpenStore(definition, Environment.WorkingDirectory, StatePath(settings));
        var snapshots = await store.ListAsync(definition is null ? null : StoreFactory.KeyOf(definition), cancellationToken);
        Result("definition\tdataset\tsnapshot (UTC)\trows\tshown\tsize");
        foreach (var s in snapshots)
        {
            Result(string.Create(CultureInfo.InvariantCulture, $"{s.DefinitionKey}\t{s.Dataset}\t{s.TakenAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\t{s.Rows}\t{s.Shown}\t{Size(s.Bytes)}"));
        }

        if (!settings.Quiet)
        {
            Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshots.Count} snapshot(s) of {snapshots.Select(s => s.DefinitionKey).Distinct(StringComparer.Ordinal).Count()} definition(s) in {store.Description}"));
        }

        return ExitCodes.Success;
    }

    private static string Size(long bytes) => bytes >= 1048576
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}

/// <summary><c>history import DEF SNAPSHOT_DIR...</c>: backfill from <c>fetch --save</c> snapshots, each at its fetch time.</summary>
public sealed class HistoryImportCommand(CliEnvironment environment) : HistoryCommand<HistoryImportSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, HistoryImportSettings settings, CancellationToken cancellationToken)
    {
        var engine = Engine(settings);
        var definition = Definition(settings.Definition, needsHistory: true);
        foreach (var folder in settings.Snapshots)
        {
            var recorded = await engine.ImportHistoryAsync(definition, FullPath(folder), StatePath(settings), cancellationToken);
            foreach (var snapshot in recorded)
            {
                Result(string.Create(CultureInfo.InvariantCulture, $"{folder}: {snapshot.Dataset}: {snapshot.Count} rows recorded at {snapshot.TakenAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
            }
        }

        return ExitCodes.Success;
    }
}

/// <summary><c>history prune DEF --keep 104w</c>.</summary>
public sealed class HistoryPruneCommand(CliEnvironment environment) : HistoryCommand<HistoryPruneSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, HistoryPruneSettings settings, CancellationToken cancellationToken)
    {
        var keep = TotangoReports.Definition.Internal.HistoryWindow.TryParse(settings.Keep)
            ?? throw new CliInputException($"--keep {settings.Keep}: a span such as {TotangoReports.Definition.Internal.HistoryWindow.Example}");
        var engine = Engine(settings);
        var definition = Definition(settings.Definition, needsHistory: false);
        var before = Environment.Time.GetUtcNow() - keep;
        await using var store = engine.OpenStore(definition, Environment.WorkingDirectory, StatePath(settings));
        var removed = await store.PruneAsync(StoreFactory.KeyOf(definition), before, cancellationToken);
        Result(string.Create(CultureInfo.InvariantCulture, $"pruned {removed} snapshot(s) of {StoreFactory.KeyOf(definition)} taken before {before.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        return ExitCodes.Success;
    }
}

/// <summary><c>history export DEF --format csv|parquet --out DIR</c>: the warehouse hand-off.</summary>
public sealed class HistoryExportCommand(CliEnvironment environment) : HistoryCommand<HistoryExportSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, HistoryExportSettings settings, CancellationToken cancellationToken)
    {
        var engine = Engine(settings);
        var definition = Definition(settings.Definition, needsHistory: false);
        await using var store = engine.OpenStore(definition, Environment.WorkingDirectory, StatePath(settings));
        var written = await Store.Internal.HistoryExport.RunAsync(store, StoreFactory.KeyOf(definition), settings.Format, FullPath(settings.Out!), cancellationToken);
        foreach (var file in written)
        {
            Result(DisplayPath(file));
        }

        return ExitCodes.Success;
    }
}
