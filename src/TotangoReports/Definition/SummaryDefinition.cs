namespace TotangoReports.Definition;

/// <summary>How a chart of the summary is drawn.</summary>
public enum ChartType
{
    /// <summary>Vertical bars.</summary>
    Bar,

    /// <summary>Horizontal bars.</summary>
    HBar,

    /// <summary>Stacked vertical bars.</summary>
    StackedBar,

    /// <summary>A line.</summary>
    Line,

    /// <summary>A donut.</summary>
    Donut,
}

/// <summary>
/// The report's headline (PRODUCT.md §4b): the KPI tiles and charts of the PDF's first page, the HTML / mail top and
/// the XLSX Summary sheet, all computed from one dataset's rows. Without <c>summary:</c> the defaults stand in.
/// </summary>
public sealed class SummaryDefinition
{
    /// <summary>The dataset summarised; null = the first dataset.</summary>
    public string? Dataset { get; init; }

    /// <summary>The declared KPI tiles; null = the defaults, empty = none.</summary>
    public IReadOnlyList<KpiDefinition>? Kpis { get; init; }

    /// <summary>The declared charts; null = the defaults, empty = none.</summary>
    public IReadOnlyList<ChartDefinition>? Charts { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>One KPI tile: <see cref="Value"/> is an aggregate over the summary dataset's rows.</summary>
/// <param name="Format">Excel-style number format; null = <c>#,##0.##</c>.</param>
/// <param name="Compare">A history window (<c>7d</c>): the tile also shows the change since then ("+12 vs 7 days ago").</param>
public sealed record KpiDefinition(string Label, string Value, string? Format, string? Compare, SourceLocation Location)
{
    /// <summary><see cref="Compare"/> as a span; null when there is none (or it is no span).</summary>
    internal TimeSpan? CompareSpan => Internal.HistoryWindow.TryParse(Compare);

    /// <summary>Where <c>compare</c> was written (for "add history:" errors); the tile's location when unknown.</summary>
    internal SourceLocation? CompareLocation { get; init; }
}

/// <summary>One chart: a bar (point, slice) per distinct <see cref="X"/> sized by the aggregate <see cref="Y"/>, or per row when Y is a column.</summary>
/// <param name="Y">An aggregate per distinct x (<c>count</c>, <c>sum(C)</c>, ...), or a column name: one bar per row, labelled by x.</param>
/// <param name="Sort">Null = x order (Good/Average/Poor first for health); <c>y</c>/<c>-y</c>, <c>x</c>/<c>-x</c>, or the y column with an optional <c>-</c>.</param>
public sealed record ChartDefinition(string Title, ChartType Type, string X, string Y, string? Sort, int? Limit, SourceLocation Location)
{
    /// <summary>
    /// The column that splits each bar of a <see cref="ChartType.StackedBar"/> into segments (required there, an error on
    /// other types); null for every other chart type.
    /// </summary>
    public string? Series { get; init; }

    /// <summary>
    /// <c>over: 12w</c> on a line or stacked-bar: x is the snapshot week, one point per snapshot in (now − over, now]
    /// plus now, y the aggregate over that snapshot's shown rows; null = a chart of the current rows.
    /// </summary>
    internal TimeSpan? Over { get; init; }

    /// <summary>Where <c>over</c> was written.</summary>
    internal SourceLocation? OverLocation { get; init; }
}
