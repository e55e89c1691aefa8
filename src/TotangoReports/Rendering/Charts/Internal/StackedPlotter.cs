using ScottPlot;

namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>
/// Stacked bars: a vertical bar per x in the series' order, a segment per series bottom-up (health series keep their
/// green/amber/red, others take the donut's palette), the bar's total above it, and a legend column at the right of
/// the data area (names too long are shortened, lines that do not fit end in "+N more"). Category names are shortened
/// or thinned and totals dropped as for plain bars, so no two texts touch.
/// </summary>
internal static class StackedPlotter
{
    private const float LegendGap = 12;
    private const float SwatchSize = 9;
    private const float SwatchGap = 5;
    private const float ValueLabelGap = 5;
    private const float TickGap = 8;

    public static ChartLayout Layout(ReportChart chart, int width, int height, Action<Plot>? style)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, size: 16);
        plot.Grid.MajorLineColor = Color.FromHex("#E0E0E0");
        var count = chart.Labels.Count;
        var series = chart.Series;
        var bars = new List<Bar>(count * series.Count);
        var tops = new Bar?[count];
        for (var i = 0; i < count; i++)
        {
            var bottom = 0d;
            for (var s = 0; s < series.Count; s++)
            {
                var value = Math.Max(0, s < chart.Stacks.Count && i < chart.Stacks[s].Count ? chart.Stacks[s][i] : 0);
                var bar = new Bar { Position = i, ValueBase = bottom, Value = bottom + value, FillColor = ColorOf(chart, s), LineWidth = 0 };
                bars.Add(bar);
                tops[i] = bar;
                bottom += value;
            }

            tops[i]!.Label = ChartPlotter.Compact(bottom);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;

        // Every text is a plottable made before the style runs, so the style (the PDF's embedded font) reaches it.
        var legend = Enumerable.Range(0, series.Count + 1).Select(_ => plot.Add.Text(string.Empty, 0, 0)).ToList();
        foreach (var text in legend)
        {
            text.LabelFontSize = 11;
            text.LabelFontColor = Color.FromHex("#212121");
            text.LabelAlignment = Alignment.MiddleLeft;
        }

        var max = Math.Max(1, tops.Select(t => t?.Value ?? 0).DefaultIfEmpty(0).Max());
        plot.Axes.SetLimitsY(0, max * Math.Max(1.2, ChartPlotter.Headroom(height, ChartPlotter.Measure(barPlot.ValueLabelStyle, "0").Height)));
        plot.Axes.SetLimitsX(-0.5, count - 0.5);
        style?.Invoke(plot);

        var tickStyle = plot.Axes.Bottom.TickLabelStyle;
        var shown = chart.Labels.ToList();
        ChartPlotter.SetTicks(plot, plot.Axes.Bottom, shown, horizontal: false);
        var area = ChartPlotter.MeasureLayout(plot, width, height);

        // The legend: as wide as its longest entry, at most 40% of the data area.
        var legendStyle = legend[0].LabelStyle;
        var lineHeight = ChartPlotter.Measure(legendStyle, "Ag").Height + 3;
        var room = Math.Max(0, (int)Math.Floor(area.Height / lineHeight));
        var shownCount = series.Count <= room ? series.Count : Math.Max(0, room - 1);
        var maxText = Math.Max(1, (area.Width * 0.4f) - SwatchSize - SwatchGap);
        var names = series.Take(shownCount).Select(l => ChartPlotter.Shorten(l, legendStyle, maxText)).ToList();
        var more = series.Count - shownCount;
        var moreText = more > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+{more} more") : string.Empty;
        var textWidth = names.Append(moreText).Where(n => n.Length > 0).Select(n => ChartPlotter.Measure(legendStyle, n).Width).DefaultIfEmpty(0).Max();
        var legendWidth = SwatchSize + SwatchGap + textWidth + LegendGap;
        var barsWidth = Math.Max(1, area.Width - legendWidth);

        if (count > 0)
        {
            var slot = barsWidth / count;
            shown = chart.Labels.Select(l => chart.Dated ? l : ChartPlotter.Shorten(l, tickStyle, slot - 4)).ToList();
            var needed = shown.Max(l => ChartPlotter.Measure(tickStyle, l).Width) + 2;
            var step = Math.Max(1, (int)Math.Ceiling(needed / Math.Max(slot, 0.001f)));
            shown = shown.Select((l, i) => ChartPlotter.Keeps(chart, i, count, step) ? l : string.Empty).ToList();
            ChartPlotter.SetTicks(plot, plot.Axes.Bottom, shown, horizontal: false);
            area = ChartPlotter.MeasureLayout(plot, width, height);
            barsWidth = Math.Max(1, area.Width - legendWidth);
        }

        // The bars keep the left barsWidth pixels; the x range past them is the legend's.
        var unitsPerPixel = Math.Max(1, count) / (double)barsWidth;
        plot.Axes.SetLimitsX(-0.5, -0.5 + (area.Width * unitsPerPixel));

        var boxes = new List<ChartTextBox>();
        var title = ChartPlotter.Measure(plot.Axes.Title.Label, chart.Title);
        boxes.Add(new ChartTextBox("title", chart.Title, (width - title.Width) / 2, 0, title.Width, Math.Min(title.Height, area.Top)));
        for (var i = 0; i < count; i++)
        {
            if (shown[i].Length == 0)
            {
                continue;
            }

            var size = ChartPlotter.Measure(tickStyle, shown[i]);
            var at = plot.Axes.Bottom.GetPixel(i, area);
            boxes.Add(new ChartTextBox("category", shown[i], at - (size.Width / 2), area.Bottom + TickGap, size.Width, size.Height));
        }

        // The legend column, vertically centred at the right of the data area.
        var legendLeft = area.Right - legendWidth + LegendGap;
        var lines = shownCount + (more > 0 ? 1 : 0);
        var top = area.Top + (area.Height / 2) - (lines * lineHeight / 2);
        var kept = new List<ChartTextBox>();
        for (var i = 0; i < lines; i++)
        {
            var name = i < shownCount ? names[i] : moreText;
            var middle = top + (i * lineHeight) + (lineHeight / 2);
            if (i < shownCount)
            {
                var swatch = plot.Add.Rectangle(
                    plot.Axes.Bottom.GetCoordinate(legendLeft, area),
                    plot.Axes.Bottom.GetCoordinate(legendLeft + SwatchSize, area),
                    plot.Axes.Left.GetCoordinate(middle + (SwatchSize / 2), area),
                    plot.Axes.Left.GetCoordinate(middle - (SwatchSize / 2), area));
                swatch.FillColor = ColorOf(chart, i);
                swatch.LineWidth = 0;
            }

            var size = ChartPlotter.Measure(legendStyle, name);
            var x = legendLeft + SwatchSize + SwatchGap;
            legend[i].LabelText = name;
            legend[i].Location = new Coordinates(plot.Axes.Bottom.GetCoordinate(x, area), plot.Axes.Left.GetCoordinate(middle, area));
            var box = new ChartTextBox("legend", name, x, middle - (size.Height / 2), size.Width, size.Height);
            boxes.Add(box);
            kept.Add(box);
        }

        // Totals left to right: one that would touch a text already kept is dropped.
        for (var i = 0; i < count; i++)
        {
            var bar = tops[i]!;
            var size = ChartPlotter.Measure(barPlot.ValueLabelStyle, bar.Label);
            var at = plot.Axes.Bottom.GetPixel(i, area);
            var end = plot.Axes.Left.GetPixel(bar.Value, area);
            var box = new ChartTextBox("value", bar.Label, at - (size.Width / 2), end - ValueLabelGap - size.Height, size.Width, size.Height);
            if (kept.Exists(k => ChartPlotter.Padded(box).Intersects(k)))
            {
                bar.Label = string.Empty;
                continue;
            }

            boxes.Add(box);
            kept.Add(box);
        }

        return new ChartLayout(plot, boxes);
    }

    /// <summary>Health series keep their colours; any other series takes the palette by its index.</summary>
    private static Color ColorOf(ReportChart chart, int index) =>
        chart.Series.All(s => s is "Good" or "Average" or "Poor" or "(none)" or "Unknown")
            ? ChartPlotter.HealthColor(chart.Series[index])
            : DonutPlotter.Palette[index % DonutPlotter.Palette.Length];
}
