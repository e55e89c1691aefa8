using System.ComponentModel;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class TemplatesInitSettings : GlobalSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("Folder to copy the built-in templates into.")]
    public string Directory { get; init; } = string.Empty;

    [CommandOption("--force")]
    [Description("Overwrite templates already in DIR.")]
    public bool Force { get; init; }
}
