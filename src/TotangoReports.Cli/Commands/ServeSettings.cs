using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TotangoReports.Cli.Commands;

public sealed class ServeSettings : DefinitionSettings
{
    [CommandOption("--sample")]
    [Description("Preview on the built-in sample data (the default when no source is named).")]
    public bool Sample { get; init; }

    [CommandOption("--snapshot <DIR>")]
    [Description("Preview a snapshot written by 'fetch --save'.")]
    public string? Snapshot { get; init; }

    [CommandOption("--live")]
    [Description("Fetch from the Totango API on every render (needs the token). Without it nothing is fetched.")]
    public bool Live { get; init; }

    [CommandOption("--port <N>")]
    [Description("Port on 127.0.0.1. Default: 5090 (0 = any free port).")]
    public int Port { get; init; } = 5090;

    [CommandOption("--host <ADDRESS>")]
    [Description("Loopback address to listen on: 127.0.0.1 (default), ::1 or localhost. Anything else is refused.")]
    public string Host { get; init; } = "127.0.0.1";

    public override ValidationResult Validate()
    {
        if (new[] { Sample, Snapshot is not null, Live }.Count(x => x) > 1)
        {
            return ValidationResult.Error("--sample, --snapshot and --live exclude each other");
        }

        if (Port is < 0 or > 65535)
        {
            return ValidationResult.Error("--port must be between 0 and 65535");
        }

        return base.Validate();
    }
}
