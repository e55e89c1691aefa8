using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>Options every command takes (PRODUCT.md §2).</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("--config <FILE>")]
    [Description("Configuration file (default: totango-reports.json in the working directory, if present).")]
    public string? Config { get; init; }

    [CommandOption("--verbose")]
    [Description("Log every step and request (never the token).")]
    public bool Verbose { get; init; }

    [CommandOption("--quiet")]
    [Description("Only errors on stderr; no progress.")]
    public bool Quiet { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        Verbose && Quiet ? Spectre.Console.ValidationResult.Error("--verbose and --quiet exclude each other") : base.Validate();
}
