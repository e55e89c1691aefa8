using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

public sealed class EmulatorSettings : GlobalSettings
{
    [CommandOption("--port <N>")]
    [Description("Port on 127.0.0.1. Default: 5080 (0 = any free port).")]
    public int Port { get; init; } = 5080;

    [CommandOption("--accounts <N>")]
    [Description("Accounts in list 1. Default: 700.")]
    public int Accounts { get; init; } = SampleData.DefaultAccounts;

    [CommandOption("--seed <N>")]
    [Description("Sample data seed.")]
    public int Seed { get; init; } = SampleData.DefaultSeed;

    [CommandOption("--token <T>")]
    [Description("Token the emulator requires in the Authorization header (default: any).")]
    public string? Token { get; init; }

    [CommandOption("--snapshot <DIR>")]
    [Description("Serve a snapshot instead of sample data.")]
    public string? Snapshot { get; init; }

    [CommandOption("--legacy-activities")]
    [Description("Shape activities as the vendor's PHP scripts read them: stats.<window>.activities = [[{name, current}]].")]
    public bool LegacyActivities { get; init; }

    [CommandOption("--latency <MS>")]
    [Description("Delay every answer by this many milliseconds.")]
    public int LatencyMilliseconds { get; init; }

    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error("--port must be between 0 and 65535") : base.Validate();
}
