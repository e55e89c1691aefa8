using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

public sealed class EmulatorSettings : SampleSettings
{
    [CommandOption("--port <N>")]
    [Description("Port on 127.0.0.1. Default: 5080 (0 = any free port).")]
    public int Port { get; init; } = 5080;

    [CommandOption("--token <T>")]
    [Description("Token the emulator requires in the Authorization header (default: any).")]
    public string? Token { get; init; }

    [CommandOption("--snapshot <DIR>")]
    [Description("Serve a snapshot instead of sample data.")]
    public string? Snapshot { get; init; }

    [CommandOption("--activities-shape <SHAPE>")]
    [Description("page (default: the vendor page's actions {name: count}), scripts (stats.activities.<window>.activities = [[{name, current}]], what the vendor's scripts read) or legacy (stats.<window>.activities, old snapshots).")]
    public string ActivitiesShape { get; init; } = "page";

    [CommandOption("--extra-windows")]
    [Description("Also serve the past_7d window, which the scripts read but the vendor page doesn't list.")]
    public bool ExtraWindows { get; init; }

    [CommandOption("--frequency")]
    [Description("Also serve the visit frequency at the top level, frequency.current (what accountsEngagement.php reads).")]
    public bool Frequency { get; init; }

    [CommandOption("--script-returns")]
    [Description("Accept return=all and return=summary, which the scripts send; without it they get 400 Bad Request as the page documents.")]
    public bool ScriptReturns { get; init; }

    [CommandOption("--latency <MS>")]
    [Description("Delay every answer by this many milliseconds.")]
    public int LatencyMilliseconds { get; init; }

    [CommandOption("--offset-mode <MODE>")]
    [Description("How offset is read: page (the old page's page index, default) or item (the later page's first-account index).")]
    public string OffsetMode { get; init; } = "page";

    [CommandOption("--page-cap <N>")]
    [Description("Serve at most N accounts per page whatever is asked (a server that pages smaller than asked).")]
    public int PageCap { get; init; } = 1000;

    [CommandOption("--error-rate <P>")]
    [Description("Share of requests answered 500, 0..1, seeded.")]
    public double ErrorRate { get; init; }

    [CommandOption("--throttle-rate <P>")]
    [Description("Share of requests answered 429 with Retry-After, 0..1, seeded.")]
    public double ThrottleRate { get; init; }

    [CommandOption("--rate-limit <N>")]
    [Description("Answer 429 beyond N requests in any 60 s (the vendor's limit is 100).")]
    public int? RateLimit { get; init; }

    [CommandOption("--as-of <INSTANT>")]
    [Description("Serve the sample as of this instant (ISO 8601): the same accounts with values drifted week by week, a few entering and leaving, as run --sample's history. A request may override it with the X-Emulator-As-Of header or ?as_of=.")]
    public string? AsOf { get; init; }

    /// <summary><see cref="AsOf"/> as an instant; a value without an offset is read as UTC.</summary>
    public DateTimeOffset? AsOfInstant =>
        AsOf is null ? null : DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    [CommandOption("--unauthorized-status <CODE>")]
    [Description("Status for a wrong token: 300 (as the vendor page says), 401 (default) or 403.")]
    public int UnauthorizedStatus { get; init; } = 401;

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535)
        {
            return ValidationResult.Error("--port must be between 0 and 65535");
        }

        if (ActivitiesShape is not ("page" or "scripts" or "legacy"))
        {
            return ValidationResult.Error("--activities-shape is page, scripts or legacy");
        }

        if (AsOf is not null && !DateTimeOffset.TryParse(AsOf, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--as-of '{AsOf}': not an ISO 8601 instant; write e.g. 2026-11-23T06:30:00Z or 2026-11-23");
        }

        if (OffsetMode is not ("page" or "item"))
        {
            return ValidationResult.Error("--offset-mode is page or item");
        }

        if (ErrorRate is < 0 or > 1 || ThrottleRate is < 0 or > 1)
        {
            return ValidationResult.Error("--error-rate and --throttle-rate are shares between 0 and 1");
        }

        if (PageCap < 1 || RateLimit is < 1 || UnauthorizedStatus is not (300 or 401 or 403))
        {
            return ValidationResult.Error("--page-cap and --rate-limit must be positive; --unauthorized-status is 300, 401 or 403");
        }

        return base.Validate();
    }
}
