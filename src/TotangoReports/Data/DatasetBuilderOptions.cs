namespace TotangoReports.Data;

/// <summary>Limits for evaluating a dataset's expressions; the defaults suit every report seen so far.</summary>
internal sealed class DatasetBuilderOptions
{
    /// <summary>The most iterations one expression may run in a loop (Scriban <c>LoopLimit</c>). Default 10,000.</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>The deepest an expression may recurse (Scriban <c>RecursiveLimit</c>). Default 64.</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>Longest text an expression may build from an object (Scriban <c>LimitToString</c>). Default 100,000 characters.</summary>
    public int MaxTextLength { get; init; } = 100_000;

    /// <summary>Windows pivoted when a definition's <c>activities</c> names none: the old exporter's 7/30/90 days.</summary>
    public IReadOnlyList<string> DefaultActivityWindows { get; init; } = ["past_7d", "past_30d", "past_90d"];

    public static DatasetBuilderOptions Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or no default window is given.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LoopLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecursiveLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTextLength);
        if (DefaultActivityWindows.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultActivityWindows), "at least one default activity window is needed");
        }
    }
}
