using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

/// <summary><c>fetch DEF --save DIR</c>: the raw pages a run would read, for <c>run --snapshot DIR</c>.</summary>
public sealed class FetchCommand(CliEnvironment environment) : CommandBase<FetchSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, FetchSettings settings, CancellationToken cancellationToken)
    {
        var request = FetchRequest(settings);
        var directory = FullPath(settings.Save!);
        var pages = await WithRunnerAsync(settings, runner => runner.SaveSnapshotAsync(request, directory, cancellationToken));
        Result(DisplayPath(directory));
        if (!settings.Quiet)
        {
            Environment.Error.WriteLine($"saved {pages} page(s)");
        }

        return ExitCodes.Success;
    }
}
