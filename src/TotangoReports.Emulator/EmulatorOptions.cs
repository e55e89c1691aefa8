using TotangoReports.Api;
using TotangoReports.Sample;

namespace TotangoReports.Emulator;

/// <summary>
/// Settings of the local Totango Data API emulator. Everything below <see cref="SnapshotDirectory"/> may be changed
/// while it runs (tests flip faults between requests); <see cref="Faults"/> is read under a lock.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) = any free port (see <see cref="EmulatorHost.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>Sample accounts in list 1. Default 700.</summary>
    public int Accounts { get; init; } = SampleData.DefaultAccounts;

    /// <summary>Sample data seed. Default 1.</summary>
    public int Seed { get; init; } = SampleData.DefaultSeed;

    /// <summary>The token the emulator accepts in <c>Authorization</c>; null = any request is accepted.</summary>
    public string? Token { get; init; }

    /// <summary>Serve this snapshot directory instead of sample data.</summary>
    public string? SnapshotDirectory { get; init; }

    /// <summary>
    /// Serve the sample accounts as of this instant: dated relative to it, and drifted week by week from the sample's
    /// epoch (scores, health, users, activities; a few accounts enter and leave), the same drift <c>run --sample</c>'s
    /// history uses. Null (default) serves exactly the default sample. A request may override it with the
    /// <c>X-Emulator-As-Of</c> header or the <c>as_of</c> query parameter (ISO 8601).
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Time source for latency and the rate limit. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// What sample pages carry. Default <see cref="SampleShape.Page"/>: exactly the vendor page's documented shape and
    /// windows, so nothing is served that the contract doesn't describe; the scripts' shape, <c>past_7d</c> and the
    /// top-level <c>frequency</c> only when asked.
    /// </summary>
    public SampleShape Shape { get; set; } = SampleShape.Page;

    /// <summary>
    /// Accept <c>return=all</c> (stats, users and lifecycle at once) and <c>return=summary</c>, which the vendor's scripts
    /// send but the page doesn't list. Default false: they get the page's <c>400 Bad Request</c> with a message.
    /// </summary>
    public bool AcceptScriptReturns { get; set; }

    /// <summary>How the emulator reads <c>offset</c>: page index (default, the old page) or item index.</summary>
    public OffsetMode OffsetMode { get; set; } = OffsetMode.Page;

    /// <summary>Largest page served whatever is asked. Default 1000.</summary>
    public int PageSizeCap { get; set; } = 1000;

    /// <summary>Delay before every answer. Default none.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Status for a wrong or missing token: 300 (the vendor page's "300 Unauthorized"), 401 (default) or 403.</summary>
    public int UnauthorizedStatusCode { get; set; } = 401;

    /// <summary>Answer every offset with the first page (a server that ignores paging).</summary>
    public bool IgnoreOffset { get; set; }

    /// <summary>
    /// The list changes while read: after serving the first page of a query this many times, a new account enters
    /// at the head of the list (shifting every later page by one).
    /// </summary>
    public int ListChanges { get; set; }

    /// <summary>Share of requests answered 500, 0..1 (seeded by <see cref="RandomSeed"/>).</summary>
    public double RandomServerErrorRate { get; set; }

    /// <summary>Share of requests answered 429 with <c>Retry-After: 1</c>, 0..1.</summary>
    public double RandomThrottleRate { get; set; }

    public int RandomSeed { get; init; } = 1;

    /// <summary>Enforce a server-side rate limit: at most this many requests per <see cref="RateLimitWindow"/>; null = none.</summary>
    public int? RateLimitRequests { get; set; }

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Faults to inject, consumed as they fire.</summary>
    public IList<EmulatorFault> Faults { get; } = new List<EmulatorFault>();

    /// <summary>Throws <see cref="ArgumentException"/> for settings the emulator cannot serve.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException("Emulator port must be between 0 and 65535.", nameof(Port));
        }

        if (UnauthorizedStatusCode is not (300 or 401 or 403))
        {
            throw new ArgumentException("Emulator unauthorized status must be 300, 401 or 403.", nameof(UnauthorizedStatusCode));
        }

        if (RandomServerErrorRate is < 0 or > 1 || RandomThrottleRate is < 0 or > 1)
        {
            throw new ArgumentException("Emulator random error rates must be between 0 and 1.");
        }

        if (SnapshotDirectory is null)
        {
            new SampleSourceOptions { Accounts = Accounts, PageSizeCap = Math.Max(1, PageSizeCap) }.Validate();
        }
    }
}
