using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class FetchSettings : FetchingSettings
{
    [CommandOption("--save <DIR>")]
    [Description("Folder to write the raw API pages to (replaced whole when the fetch succeeds).")]
    public string? Save { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Save) ? ValidationResult.Error("fetch needs --save DIR") : base.Validate();
}
