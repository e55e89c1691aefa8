using ScottPlot;
using SkiaSharp;

namespace TotangoReports.Rendering.Charts;

internal enum ReportChartKind
{
    /// <summary>Accounts per health (Good / Average / Poor / other), a bar per health.</summary>
    HealthDistribution,

    /// <summary>Total activity count per API window, shortest window first.</summary>
    ActivityByWindow,

    /// <summary>The accounts with the highest engagement score, best first.</summary>
    TopAccounts,
}

/// <summary>
/// One chart of a report as plain data, drawn on demand by ScottPlot: SVG for HTML, PNG for XLSX and email,
/// vectors on a Skia canvas for PDF. Every format draws the same numbers.
/// </summary>
internal sealed record ReportChart(string Key, string Title, ReportChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    /// <summary>How the summary declared it: bars (vertical or horizontal by <see cref="Kind"/>), a line, or a donut.</summary>
    public Definition.ChartType Type { get; init; } = Definition.ChartType.Bar;

    /// <summary>A stacked-bar's segment names, bottom first (<see cref="Data.SummaryChart.Series"/>); empty otherwise.</summary>
    public IReadOnlyList<string> Series { get; init; } = [];

    /// <summary>A stacked-bar's segments, a list per series with a value per label; <see cref="Values"/> are the totals.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Stacks { get; init; } = [];

    /// <summary>The labels are snapshot dates (a chart <c>over:</c> history): thinned to every k-th, never cut to "Se…".</summary>
    public bool Dated { get; init; }

    /// <summary>
    /// Builds a fresh ScottPlot plot laid out for <paramref name="width"/> × <paramref name="height"/> pixels (plots are
    /// mutable and not thread-safe, so one per drawing).
    /// </summary>
    public Plot CreatePlot(int width, int height) => Internal.ChartPlotter.Create(this, width, height);

    /// <summary>An <c>&lt;svg&gt;</c> element ready to inline in HTML (no XML declaration).</summary>
    public string ToSvg(int width, int height)
    {
        using var plot = CreatePlot(width, height);
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    public byte[] ToPng(int width, int height)
    {
        using var plot = CreatePlot(width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Draws the chart as vectors into <paramref name="area"/> of <paramref name="canvas"/> (a PDF page canvas keeps them vectors).</summary>
    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var plot = CreatePlot((int)area.Width, (int)area.Height);
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        canvas.ClipRect(new SKRect(0, 0, area.Width, area.Height));
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }
}
