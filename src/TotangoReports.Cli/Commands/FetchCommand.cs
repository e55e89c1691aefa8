using TotangoReports.Cli.Infrastructure;
using TotangoReports.Runs;

namespace TotangoReports.Cli.Commands;

/// <summary><c>fetch DEF --save DIR</c>: the raw pages a run would read, for <c>run --snapshot DIR</c>.</summary>
public sealed class FetchCommand(CliEnvironment environment) : CommandBase<FetchSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, FetchSettings settings, CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration(settings);
        var logger = CreateLogger(settings);
        var request = new RunRequest
        {
            DefinitionPath = FullPath(settings.Definition),
            Source = settings.Sample ? DataSourceKind.Sample : DataSourceKind.Live,
            Since = settings.Since,
            StatePath = settings.State is null ? null : FullPath(settings.State),
            AllowPartial = settings.AllowPartial,
        };
        var directory = FullPath(settings.Save!);
        var pages = await WithProgressAsync(settings, progress =>
            new ReportRunner(configuration, Environment.Time, logger, progress, Redactor).SaveSnapshotAsync(request, directory, cancellationToken));
        Result(DisplayPath(directory));
        if (!settings.Quiet)
        {
            Environment.Error.WriteLine($"saved {pages} page(s)");
        }

        return ExitCodes.Success;
    }
}
