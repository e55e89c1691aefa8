using System.ComponentModel;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class ResendSettings : GlobalSettings
{
    [CommandArgument(0, "<OUT>")]
    [Description("The output folder of the run whose mail some recipients did not accept.")]
    public string Out { get; init; } = string.Empty;
}
