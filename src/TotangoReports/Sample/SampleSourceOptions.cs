using TotangoReports.Api;

namespace TotangoReports.Sample;

/// <summary>How <see cref="SampleActiveListSource"/> generates and pages its data.</summary>
public sealed class SampleSourceOptions
{
    /// <summary>Accounts in list 1 (all accounts). Default 700, the vendor page's example; 0..10,000,000.</summary>
    public int Accounts { get; init; } = SampleData.DefaultAccounts;

    /// <summary>PRNG seed: the same seed always gives the same bytes. Default 1.</summary>
    public int Seed { get; init; } = SampleData.DefaultSeed;

    /// <summary>
    /// What the pages carry. Default <see cref="SampleShape.Scripted"/>: the page's shape plus <c>past_7d</c> and the
    /// top-level <c>frequency</c>, so the parity samples have something to show; the emulator serves
    /// <see cref="SampleShape.Page"/> unless asked.
    /// </summary>
    public SampleShape Shape { get; init; } = SampleShape.Scripted;

    /// <summary>How <c>offset</c> is read: <see cref="OffsetMode.Page"/> (default, the old page) or <see cref="OffsetMode.Item"/>.</summary>
    public OffsetMode OffsetMode { get; init; } = OffsetMode.Page;

    /// <summary>Largest page served whatever is asked. Default 1000 (the vendor's maximum).</summary>
    public int PageSizeCap { get; init; } = 1000;

    /// <summary>The <c>service_id</c> the pages carry.</summary>
    public string ServiceId { get; init; } = "SAMPLE_SERVICE";

    /// <summary>
    /// The sample's "now": activity, statuses and renewals are placed relative to it. Default
    /// <see cref="SampleData.Epoch"/> (fixed bytes for snapshots and the emulator); <c>run --sample</c> passes the
    /// run's now, so recent activity looks recent and a first delta run finds accounts.
    /// </summary>
    public DateTimeOffset Epoch { get; init; } = SampleData.Epoch;

    /// <summary>
    /// Weeks from the anchor the accounts are served as (negative = the past): 0 = as generated; otherwise scores,
    /// health, users and activities drift and a few accounts enter or leave (the sample history and
    /// <c>emulator --as-of</c>).
    /// </summary>
    internal int DriftWeeks { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for values out of range.</summary>
    public void Validate()
    {
        if (Accounts is < 0 or > 10_000_000)
        {
            throw new ArgumentException("Sample accounts must be between 0 and 10,000,000.", nameof(Accounts));
        }

        if (PageSizeCap < 1)
        {
            throw new ArgumentException("Sample page-size cap must be at least 1.", nameof(PageSizeCap));
        }
    }
}
