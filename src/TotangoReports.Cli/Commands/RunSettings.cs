using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

public sealed class RunSettings : FetchingSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder. Default: ./out")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("--format <FORMATS>")]
    [Description("Render only these formats, comma-separated: xlsx,pdf,html,csv.")]
    public string? Format { get; init; }

    [CommandOption("--param <NAME=VALUE>")]
    [Description("Override a parameter (repeatable).")]
    public string[] Param { get; init; } = [];

    [CommandOption("--snapshot <DIR>")]
    [Description("Render a snapshot written by 'fetch --save' instead of calling the API.")]
    public string? Snapshot { get; init; }

    [CommandOption("--no-email")]
    [Description("Write the files but send no email.")]
    public bool NoEmail { get; init; }

    [CommandOption("--strict")]
    [Description("Hold the run (exit 7, nothing written or mailed) when there is any warning: an empty dataset, a path, activity or window no account has, a failed expression.")]
    public bool Strict { get; init; }

    public override ValidationResult Validate()
    {
        if (Sample && Snapshot is not null)
        {
            return ValidationResult.Error("--sample and --snapshot exclude each other");
        }

        foreach (var param in Param)
        {
            if (param.IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                return ValidationResult.Error($"--param '{param}': write NAME=VALUE");
            }
        }

        return base.Validate();
    }
}
