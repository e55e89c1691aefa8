using System.ComponentModel;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

/// <summary>What <c>sample-data</c> and <c>emulator</c> share: the size and seed of the generated sample.</summary>
public abstract class SampleSettings : GlobalSettings
{
    [CommandOption("--accounts <N>")]
    [Description("Accounts in list 1. Default: 700.")]
    public int Accounts { get; init; } = SampleData.DefaultAccounts;

    [CommandOption("--seed <N>")]
    [Description("Sample data seed: the same seed gives the same bytes.")]
    public int Seed { get; init; } = SampleData.DefaultSeed;
}
