namespace TotangoReports.Definition;

/// <summary>What a history column shows of its source column (PRODUCT.md §4b).</summary>
internal enum HistoryColumnKind
{
    /// <summary><c>change: C</c>: C now minus C then (numbers; dates give the difference in days).</summary>
    Change,

    /// <summary><c>previous: C</c>: C's value then, of C's kind.</summary>
    Previous,

    /// <summary><c>trend: C</c>: C's weekly values over the span, oldest first, now included.</summary>
    Trend,
}

/// <summary>A column read from the history store: <c>change: Score, over: 7d</c>.</summary>
/// <param name="Source">The value column of the same dataset it reads.</param>
/// <param name="Over">How far back "then" is (or the trend's span).</param>
/// <param name="OverText">The span as written (<c>7d</c>), for warnings and the compare text.</param>
/// <param name="Location">Where the <c>change</c>/<c>previous</c>/<c>trend</c> key was written.</param>
internal sealed record HistoryReference(HistoryColumnKind Kind, string Source, TimeSpan Over, string OverText, SourceLocation Location)
{
    /// <summary>The key as written in definitions.</summary>
    public string Key => Kind.ToString().ToLowerInvariant();
}
