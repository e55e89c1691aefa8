using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>
/// The report's headline, computed once in the Data stage from the rows the report shows (after <c>filter</c>,
/// <c>--param</c> and <c>limit</c>): KPI values and chart series. Every renderer draws from it and computes nothing.
/// </summary>
public sealed class ReportSummary
{
    /// <summary>No KPIs and no charts.</summary>
    public static ReportSummary Empty { get; } = new() { Dataset = string.Empty, Rows = 0, Kpis = [], Charts = [] };

    /// <summary>The dataset summarised.</summary>
    public required string Dataset { get; init; }

    /// <summary>How many rows the figures describe.</summary>
    public required int Rows { get; init; }

    /// <summary>The KPI tiles, in order.</summary>
    public required IReadOnlyList<SummaryKpi> Kpis { get; init; }

    /// <summary>The charts' series, in order.</summary>
    public required IReadOnlyList<SummaryChart> Charts { get; init; }
}

/// <summary>What a KPI tile's accent says about its figure.</summary>
public enum KpiTone
{
    /// <summary>No judgement.</summary>
    Neutral,

    /// <summary>A good figure.</summary>
    Good,

    /// <summary>An average figure.</summary>
    Average,

    /// <summary>A poor figure.</summary>
    Poor,
}

/// <summary>One KPI tile.</summary>
/// <param name="Key">A stable id (<c>accounts</c>, <c>health-good</c>, or the label in kebab case) for templates and tests.</param>
/// <param name="Value">The figure; null when nothing could be computed (no scores, no rows).</param>
/// <param name="Format">The Excel-style number format every renderer applies (XLSX as the cell's format).</param>
public sealed record SummaryKpi(string Key, string Label, double? Value, string Format, KpiTone Tone = KpiTone.Neutral)
{
    private readonly object? _cell;

    /// <summary>A number, or a date for <c>min</c>/<c>max</c>/<c>median</c> of a date or date-time column (then <see cref="Value"/> is null and <see cref="Format"/> a date format).</summary>
    public CellKind Kind { get; init; } = CellKind.Number;

    /// <summary>The figure as a typed cell: a <see cref="double"/>, <see cref="DateOnly"/> or <see cref="DateTimeOffset"/> (in the report's zone) as <see cref="Kind"/> says; unset, <see cref="Value"/>.</summary>
    public object? Cell
    {
        get => _cell ?? Value;
        init => _cell = value;
    }

    /// <summary>The KPI's <c>compare: 7d</c> (PRODUCT.md §4b): its value then and the change since; null without compare.</summary>
    public KpiComparison? Compare { get; init; }
}

/// <summary>A KPI compared with the past: "+12 vs 7 days ago".</summary>
/// <param name="Then">The same aggregate over the rows the report showed then; null when there is no snapshot then.</param>
/// <param name="Delta">Now minus then; null when either is missing.</param>
/// <param name="Span">The span as written (<c>7d</c>, <c>12w</c>).</param>
public sealed record KpiComparison(double? Then, double? Delta, string Span);

/// <summary>One chart's data: a label and a value per bar (point, slice), in drawing order.</summary>
/// <param name="Key">A stable id (<c>health</c>, <c>activity</c>, <c>top-accounts</c>, or <c>chart-N</c>).</param>
public sealed record SummaryChart(string Key, string Title, ChartType Type, IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    /// <summary>
    /// A stacked-bar's segment names (the distinct values of its <c>series</c> column: Good/Average/Poor first, then
    /// ordinal), bottom segment first; empty for every other chart. <see cref="Values"/> then holds each bar's total.
    /// </summary>
    public IReadOnlyList<string> Series { get; init; } = [];

    /// <summary>
    /// A stacked-bar's segments: one list per <see cref="Series"/> entry, each with a value per label (0 where the pair
    /// has no rows); empty for every other chart.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Stacks { get; init; } = [];

    /// <summary>Drawn <c>over:</c> history: the labels are snapshot dates, oldest first, the last one now.</summary>
    internal bool Dated { get; init; }
}
