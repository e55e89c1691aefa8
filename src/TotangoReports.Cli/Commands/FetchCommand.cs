using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

/// <summary><c>fetch DEF --save DIR</c>: the raw pages a run would read, for <c>run --snapshot DIR</c>.</summary>
public sealed class FetchCommand(CliEnvironment environment) : CommandBase<FetchSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, FetchSettings settings, CancellationToken cancellationToken)
    {
        var directory = FullPath(settings.Save!);

        var source = settings.Sample ? ReportSource.Sample() : ReportSource.Live;
        var pages = await WithEngineAsync(
            settings,
            () => LoadDefinition(settings),
            (engine, definition) =>
            {
                // The working directory is the CLI's: the library guards only the definition's folder.
                if (HoldsWorkingDirectory(directory))
                {
                    throw new CliInputException(CliMessages.SaveFolderHoldsInputs(directory));
                }

                return engine.SaveSnapshotAsync(definition, source, directory, BuildOptionsOf(settings), cancellationToken);
            });
        Result(DisplayPath(directory));
        if (!settings.Quiet)
        {
            Environment.Error.WriteLine($"saved {pages} page(s)");
        }

        return ExitCodes.Success;
    }

    private bool HoldsWorkingDirectory(string directory)
    {
        var target = Path.TrimEndingDirectorySeparator(directory);
        var here = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.WorkingDirectory));
        return string.Equals(here, target, StringComparison.Ordinal) || here.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
