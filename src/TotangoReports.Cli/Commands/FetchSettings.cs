using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class FetchSettings : GlobalSettings
{
    [CommandArgument(0, "<DEF>")]
    [Description("Report definition (YAML or JSON).")]
    public string Definition { get; init; } = string.Empty;

    [CommandOption("--save <DIR>")]
    [Description("Folder to write the raw API pages to (replaced whole when the fetch succeeds).")]
    public string? Save { get; init; }

    [CommandOption("--since <WHEN>")]
    [Description("Override every dataset's since.")]
    public string? Since { get; init; }

    [CommandOption("--state <FILE>")]
    [Description("State file for since: last-run (read only; fetch never moves it).")]
    public string? State { get; init; }

    [CommandOption("--sample")]
    [Description("Fetch from the built-in sample data instead of the API.")]
    public bool Sample { get; init; }

    [CommandOption("--allow-partial")]
    [Description("Save even when a list could not be read whole.")]
    public bool AllowPartial { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Save) ? ValidationResult.Error("fetch needs --save DIR") : base.Validate();
}
