using System.ComponentModel;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class DefinitionSettings : GlobalSettings
{
    [CommandArgument(0, "<DEF>")]
    [Description("Report definition (YAML or JSON).")]
    public string Definition { get; init; } = string.Empty;
}
