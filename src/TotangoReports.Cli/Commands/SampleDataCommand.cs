using TotangoReports.Cli.Infrastructure;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

/// <summary><c>sample-data --accounts N --seed N --out DIR</c>: a deterministic snapshot for <c>run --snapshot</c>.</summary>
public sealed class SampleDataCommand(CliEnvironment environment) : CommandBase<SampleDataSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, SampleDataSettings settings, CancellationToken cancellationToken)
    {
        var directory = FullPath(settings.Out!);
        await SampleData.WriteSnapshotAsync(directory, settings.Accounts, settings.Seed, cancellationToken);
        Result(DisplayPath(directory));
        return ExitCodes.Success;
    }
}
