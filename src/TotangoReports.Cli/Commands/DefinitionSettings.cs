using System.ComponentModel;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

/// <summary>Commands that read one definition: <c>validate</c>, and (through <see cref="FetchingSettings"/>) <c>run</c> and <c>fetch</c>.</summary>
public class DefinitionSettings : GlobalSettings
{
    [CommandArgument(0, "<DEF>")]
    [Description("Report definition (YAML or JSON).")]
    public string Definition { get; init; } = string.Empty;
}
