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

    [CommandOption("--force")]
    [Description("Deliver even when a 'checks' entry fails (each failure is a warning). Without it a failed check holds the run (exit 7).")]
    public bool Force { get; init; }

    [CommandOption("--send-sample-mail")]
    [Description("With --sample: mail the report (subject marked [[SAMPLE]]). Without it a sample run sends no mail.")]
    public bool SendSampleMail { get; init; }

    [CommandOption("--as-of <INSTANT>")]
    [Description("Run as if now were INSTANT (ISO 8601, e.g. 2026-11-23T06:30:00Z; no offset means UTC). For backfills, tests and demos; the watermark stays.")]
    public string? AsOf { get; init; }

    /// <summary><see cref="AsOf"/> as an instant; a value without an offset is read as UTC.</summary>
    public DateTimeOffset? AsOfInstant =>
        AsOf is null ? null : DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public override ValidationResult Validate()
    {
        if (AsOf is not null && !DateTimeOffset.TryParse(AsOf, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--as-of '{AsOf}': not an ISO 8601 instant; write e.g. 2026-11-23T06:30:00Z or 2026-11-23");
        }

        if (SendSampleMail && !Sample)
        {
            return ValidationResult.Error("--send-sample-mail goes with --sample; a live or snapshot run mails as its definition says");
        }

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
