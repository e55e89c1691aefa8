namespace TotangoReports.Sample;

/// <summary>
/// What sample pages carry beyond the vendor page's documented shape. <see cref="Page"/> is exactly the page (its six
/// windows, <c>actions</c> maps); the rest is what the vendor's scripts read from the servers they ran against.
/// </summary>
public sealed record SampleShape
{
    /// <summary>How activity counts are shaped. Default <see cref="ActivityShape.Actions"/> (the vendor page).</summary>
    public ActivityShape Activities { get; init; } = ActivityShape.Actions;

    /// <summary>Also send <c>past_7d</c> under <c>stats.users</c> and <c>stats.activities</c> (the scripts read it; the page doesn't list it).</summary>
    public bool ExtraWindows { get; init; }

    /// <summary>Also send the visit frequency at the account's top level, <c>frequency.current</c> (accountsEngagement.php reads it).</summary>
    public bool Frequency { get; init; }

    /// <summary>Exactly the vendor page's documented shape and windows.</summary>
    public static SampleShape Page { get; } = new();

    /// <summary>The page's shape plus everything the scripts read: the built-in sample data, so the parity samples show values.</summary>
    public static SampleShape Scripted { get; } = new() { ExtraWindows = true, Frequency = true };

    /// <summary>The windows served: the page's six, plus <c>past_7d</c> with <see cref="ExtraWindows"/>.</summary>
    public IReadOnlyList<string> Windows => ExtraWindows ? SampleData.Windows : PageWindows;

    private static readonly IReadOnlyList<string> PageWindows = [.. SampleData.Windows.Where(w => w != "past_7d")];
}
