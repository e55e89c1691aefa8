using ScottPlot;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>
/// Turns chart data into a ScottPlot bar chart with the house style, laid out for the size it is drawn at so no two
/// labels collide: category names that do not fit are shortened with an ellipsis (the table has them whole) or
/// thinned, value labels that would overlap a neighbour are dropped. Activity windows are nested (the last 30 days
/// hold the last 7), so they are a labelled bar each, never an axis that reads like time.
/// </summary>
internal static class ChartPlotter
{
    /// <summary>Pixels between a bar's end and its value label, as ScottPlot draws it.</summary>
    private const float ValueLabelGap = 5;

    /// <summary>Pixels between the data area and a category label: tick mark and padding.</summary>
    private const float TickGap = 8;

    private static readonly Color[] HealthColors =
    [
        Color.FromHex("#2E7D32"), // Good
        Color.FromHex("#F9A825"), // Average
        Color.FromHex("#C62828"), // Poor
        Color.FromHex("#78909C"), // anything else
    ];

    /// <summary>
    /// Which category labels stay when only every <paramref name="step"/>-th fits: from the first, or for dated charts
    /// (over history) counted back from the last, so "now" is always labelled.
    /// </summary>
    internal static bool Keeps(ReportChart chart, int index, int count, int step) =>
        (chart.Dated ? count - 1 - index : index) % step == 0;

    internal static readonly Color Accent = Color.FromHex("#1565C0");

    /// <param name="style">Applied before the layout is measured (the PDF sets its embedded font here).</param>
    public static Plot Create(ReportChart chart, int width, int height, Action<Plot>? style = null) =>
        Layout(chart, width, height, style).Plot;

    /// <summary>The plot ready to render at <paramref name="width"/> × <paramref name="height"/>, and where its text goes.</summary>
    public static ChartLayout Layout(ReportChart chart, int width, int height, Action<Plot>? style = null)
    {
        if (chart.Type == ChartType.Donut)
        {
            return DonutPlotter.Layout(chart, width, height, style);
        }

        if (chart.Type == ChartType.StackedBar && chart.Series.Count > 0)
        {
            return StackedPlotter.Layout(chart, width, height, style);
        }

        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, size: 16);
        var line = chart.Type == ChartType.Line;
        var horizontal = !line && chart.Kind is ReportChartKind.TopAccounts or ReportChartKind.ActivityByWindow;
        var labels = chart.Kind == ReportChartKind.ActivityByWindow ? chart.Labels.Select(WindowCaption).ToList() : chart.Labels.ToList();
        var count = chart.Values.Count;
        var bars = new List<Bar>(count);
        for (var i = 0; i < count; i++)
        {
            bars.Add(new Bar
            {
                // Rows read top-down in the series' order: best account, shortest window first.
                Position = Position(i, count, horizontal),
                Value = chart.Values[i],
                // A line keeps its bars invisible: they carry the value labels, drawn just above each point.
                FillColor = line ? new Color(0, 0, 0, 0) : chart.Kind == ReportChartKind.HealthDistribution ? HealthColor(chart.Labels[i]) : Accent,
                LineWidth = 0,
                Label = Compact(chart.Values[i]),
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontSize = 11;
        if (line)
        {
            // A line with markers over x in the data's order.
            var points = plot.Add.Scatter(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), chart.Values.ToArray());
            points.Color = Accent;
            points.LineWidth = 2;
            points.MarkerSize = 7;
            points.MarkerShape = MarkerShape.FilledCircle;
        }

        plot.Grid.MajorLineColor = Color.FromHex("#E0E0E0");
        var categoryAxis = horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var max = Math.Max(1, chart.Values.DefaultIfEmpty(0).Max());
        style?.Invoke(plot);

        // Category names: at most 40% of the width beside horizontal bars; no wider than a column under vertical ones.
        var tickStyle = categoryAxis.TickLabelStyle;
        var shown = labels.Select(l => Shorten(l, tickStyle, horizontal ? width * 0.4f : float.PositiveInfinity)).ToList();
        SetTicks(plot, categoryAxis, shown, horizontal);
        SetValueRoom(plot, chart, barPlot, horizontal, max, width, height);
        var area = MeasureLayout(plot, width, height);

        if (count > 0)
        {
            var slot = (horizontal ? area.Height : area.Width) / count;
            if (!horizontal)
            {
                shown = labels.Select(l => chart.Dated ? l : Shorten(l, tickStyle, slot - 4)).ToList();
            }

            // Still too many for their room (rows lower than a line, or columns narrower than "A…"): every k-th.
            var needed = shown.Max(l => horizontal ? Measure(tickStyle, l).Height : Measure(tickStyle, l).Width) + 2;
            var step = Math.Max(1, (int)Math.Ceiling(needed / Math.Max(slot, 0.001f)));
            shown = shown.Select((l, i) => Keeps(chart, i, count, step) ? l : string.Empty).ToList();
            SetTicks(plot, categoryAxis, shown, horizontal);
            area = MeasureLayout(plot, width, height);
        }

        var boxes = new List<ChartTextBox>();
        var title = Measure(plot.Axes.Title.Label, chart.Title);
        boxes.Add(new ChartTextBox("title", chart.Title, (width - title.Width) / 2, 0, title.Width, Math.Min(title.Height, area.Top)));
        for (var i = 0; i < count; i++)
        {
            if (shown[i].Length == 0)
            {
                continue;
            }

            var size = Measure(tickStyle, shown[i]);
            var at = categoryAxis.GetPixel(Position(i, count, horizontal), area);
            boxes.Add(horizontal
                ? new ChartTextBox("category", shown[i], area.Left - TickGap - size.Width, at - (size.Height / 2), size.Width, size.Height)
                : new ChartTextBox("category", shown[i], at - (size.Width / 2), area.Bottom + TickGap, size.Width, size.Height));
        }

        // Value labels left to right (top to bottom): one that would touch a label already kept is dropped (bars
        // of different heights put labels at different heights, so not just the neighbour's).
        var valueAxis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        var kept = new List<ChartTextBox>();
        for (var i = 0; i < count; i++)
        {
            var bar = bars[i];
            var size = Measure(barPlot.ValueLabelStyle, bar.Label);
            var at = categoryAxis.GetPixel(bar.Position, area);
            var end = valueAxis.GetPixel(bar.Value, area);
            var box = horizontal
                ? new ChartTextBox("value", bar.Label, end + ValueLabelGap, at - (size.Height / 2), size.Width, size.Height)
                : new ChartTextBox("value", bar.Label, at - (size.Width / 2), end - ValueLabelGap - size.Height, size.Width, size.Height);
            if (line && (end - ValueLabelGap - size.Height < area.Top))
            {
                // Above the data area a point's label would run into the title.
                bar.Label = string.Empty;
                continue;
            }

            if (kept.Exists(k => Padded(box).Intersects(k)))
            {
                bar.Label = string.Empty;
                continue;
            }

            boxes.Add(box);
            kept.Add(box);
        }

        return new ChartLayout(plot, boxes);
    }

    /// <summary>"7d" → "Last 7 days": each window is its own span ending now, not a point on a time line.</summary>
    internal static string WindowCaption(string label)
    {
        if (label == "today")
        {
            return "Today";
        }

        if (label.Length > 1 && label[^1] == 'd' && int.TryParse(label.AsSpan(0, label.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            return days == 1 ? "Last day" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Last {days} days");
        }

        return label;
    }

    /// <summary>Bar labels stay short enough to sit above narrow bars: 734,882 → 735k, 2,223,053 → 2.2M.</summary>
    internal static string Compact(double value)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 9_999_500 => (value / 1_000_000).ToString("0", inv) + "M",
            >= 999_950 => (value / 1_000_000).ToString("0.#", inv) + "M",
            >= 9_999.5 => (value / 1_000).ToString("0", inv) + "k",
            _ => value.ToString("#,##0.##", inv),
        };
    }

    /// <summary>The data area ScottPlot lays out at this size: a render onto a canvas that draws nothing.</summary>
    internal static PixelRect MeasureLayout(Plot plot, int width, int height)
    {
        using var canvas = new SkiaSharp.SKNoDrawCanvas(width, height);
        plot.Render(canvas, width, height);
        return plot.LastRender.DataRect;
    }

    internal static double Position(int index, int count, bool horizontal) => horizontal ? count - 1 - index : index;

    internal static void SetTicks(Plot plot, IAxis axis, List<string> labels, bool horizontal)
    {
        var ticks = labels.Select((label, i) => new Tick(Position(i, labels.Count, horizontal), label)).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
    }

    /// <summary>Room past the longest bar for its value label, measured rather than a fixed share.</summary>
    private static void SetValueRoom(Plot plot, ReportChart chart, ScottPlot.Plottables.BarPlot bars, bool horizontal, double max, int width, int height)
    {
        var widest = chart.Values.Count == 0 ? 0 : chart.Values.Max(v => Measure(bars.ValueLabelStyle, Compact(v)).Width);
        if (horizontal)
        {
            // The data area is roughly the width less the category names; the label takes its share of that.
            var share = Math.Clamp((widest + ValueLabelGap + 6) / Math.Max(width * 0.5f, 1), 0.08f, 0.6f);
            plot.Axes.SetLimitsX(0, max * (1 + share));
            plot.Axes.SetLimitsY(-0.5, chart.Values.Count - 0.5);
        }
        else
        {
            // Room above the tallest bar for its label, in pixels of this size: a share of the range that fits a large
            // chart leaves the label on the frame of a small one. A line's highest point is a marker below its label.
            var line = chart.Type == ChartType.Line;
            var labelHeight = Measure(bars.ValueLabelStyle, "0").Height + (line ? 8 : 0);
            plot.Axes.SetLimitsY(0, max * Math.Max(line ? 1.35 : 1.2, Headroom(height, labelHeight)));
            plot.Axes.SetLimitsX(-0.5, chart.Values.Count - 0.5);
        }
    }

    /// <summary>
    /// How far above the tallest value the axis must reach so a label <paramref name="labelHeight"/> pixels tall fits
    /// inside the frame of a chart <paramref name="height"/> pixels tall (its title and axis labels take about 70).
    /// </summary>
    internal static double Headroom(int height, float labelHeight)
    {
        var dataHeight = Math.Max(height - 70, 40);
        var share = Math.Clamp((labelHeight + 8) / dataHeight, 0, 0.5);
        return 1 / (1 - share);
    }

    internal static ChartTextBox Padded(ChartTextBox box) => box with { Left = box.Left - 1, Top = box.Top - 1, Width = box.Width + 2, Height = box.Height + 2 };

    internal static string Shorten(string label, LabelStyle style, float room)
    {
        if (Measure(style, label).Width <= room)
        {
            return label;
        }

        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(label);
        for (var keep = elements.Length - 1; keep >= 1; keep--)
        {
            var candidate = label[..elements[keep]].TrimEnd() + "…";
            if (Measure(style, candidate).Width <= room)
            {
                return candidate;
            }
        }

        return label[..(elements.Length > 1 ? elements[1] : label.Length)] + "…";
    }

    internal static (float Width, float Height) Measure(LabelStyle style, string text)
    {
        var previous = style.Text;
        style.Text = text;
        using var paint = Paint.NewDisposablePaint();
        var size = style.Measure(paint);
        style.Text = previous;
        return (size.Width, size.Height);
    }

    internal static Color HealthColor(string label) => label switch
    {
        "Good" => HealthColors[0],
        "Average" => HealthColors[1],
        "Poor" => HealthColors[2],
        _ => HealthColors[3],
    };
}
