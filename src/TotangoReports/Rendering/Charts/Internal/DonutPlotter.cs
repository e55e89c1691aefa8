using ScottPlot;

namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>
/// A donut: a ring of slices clockwise from twelve o'clock in the series' order, a legend beside it (a swatch and
/// the category per line; names too long are shortened, lines that do not fit end in "+N more"), and each slice's
/// value on the ring unless it would touch a label already placed. The plot's axes are hidden and its data
/// coordinates are the pixels (y negated), so what <see cref="Layout"/> measures is where ScottPlot draws.
/// </summary>
internal static class DonutPlotter
{
    private const float LegendGap = 12;
    private const float SwatchSize = 9;
    private const float SwatchGap = 5;
    private const float HoleFraction = 0.55f;

    internal static readonly Color[] Palette =
    [
        Color.FromHex("#1565C0"), Color.FromHex("#EF6C00"), Color.FromHex("#6A1B9A"), Color.FromHex("#00838F"),
        Color.FromHex("#AD1457"), Color.FromHex("#558B2F"), Color.FromHex("#4E342E"), Color.FromHex("#78909C"),
    ];

    public static ChartLayout Layout(ReportChart chart, int width, int height, Action<Plot>? style)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, size: 16);
        plot.HideGrid();
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Right, plot.Axes.Top })
        {
            axis.IsVisible = false;
        }

        var count = chart.Values.Count;
        var total = chart.Values.Where(v => v > 0).Sum();

        // Every text is a plottable made before the style runs, so the style (the PDF's embedded font) reaches it.
        var values = Enumerable.Range(0, count).Select(_ => plot.Add.Text(string.Empty, 0, 0)).ToList();
        var legend = Enumerable.Range(0, count + 1).Select(_ => plot.Add.Text(string.Empty, 0, 0)).ToList();
        foreach (var text in values.Concat(legend))
        {
            text.LabelFontSize = 11;
            text.LabelFontColor = Color.FromHex("#212121");
        }

        foreach (var text in values)
        {
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontColor = Colors.White;
            text.LabelBold = true;
        }

        foreach (var text in legend)
        {
            text.LabelAlignment = Alignment.MiddleLeft;
        }

        style?.Invoke(plot);
        var area = ChartPlotter.MeasureLayout(plot, width, height);

        // Data coordinates are pixels: x as is, y negated (pixels grow downwards).
        plot.Axes.SetLimitsX(area.Left, area.Right);
        plot.Axes.SetLimitsY(-area.Bottom, -area.Top);

        var boxes = new List<ChartTextBox>();
        var title = ChartPlotter.Measure(plot.Axes.Title.Label, chart.Title);
        boxes.Add(new ChartTextBox("title", chart.Title, (width - title.Width) / 2, 0, title.Width, Math.Min(title.Height, area.Top)));

        // The legend: as wide as its longest entry, at most 45% of the width.
        var legendStyle = legend[0].LabelStyle;
        var lineHeight = ChartPlotter.Measure(legendStyle, "Ag").Height + 3;
        var room = Math.Max(0, (int)Math.Floor(area.Height / lineHeight));
        var shownCount = count <= room ? count : Math.Max(0, room - 1);
        var maxText = (area.Width * 0.45f) - SwatchSize - SwatchGap;
        var names = chart.Labels.Take(shownCount).Select(l => ChartPlotter.Shorten(l, legendStyle, maxText)).ToList();
        var more = count - shownCount;
        var moreText = more > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+{more} more") : string.Empty;
        var textWidth = names.Append(moreText).Where(n => n.Length > 0).Select(n => ChartPlotter.Measure(legendStyle, n).Width).DefaultIfEmpty(0).Max();
        var legendWidth = count == 0 ? 0 : SwatchSize + SwatchGap + textWidth;

        // The ring fills what the legend leaves.
        var ringRoom = area.Width - legendWidth - (count == 0 ? 0 : LegendGap);
        var radius = Math.Max(4, (Math.Min(ringRoom, area.Height) / 2) - 2);
        var hole = radius * HoleFraction;
        var cx = area.Left + ((ringRoom - (2 * radius)) / 2) + radius;
        var cy = area.Top + (area.Height / 2);

        var start = -Math.PI / 2;
        var kept = new List<ChartTextBox>();
        for (var i = 0; i < count; i++)
        {
            var value = chart.Values[i];
            if (value <= 0 || total <= 0)
            {
                continue;
            }

            var sweep = 2 * Math.PI * value / total;
            var polygon = plot.Add.Polygon(Ring(cx, cy, radius, hole, start, sweep));
            polygon.FillColor = ColorOf(chart, i);
            polygon.LineColor = Colors.White;
            polygon.LineWidth = 1;

            // The value on the ring's middle, unless it would touch one already there.
            var label = ChartPlotter.Compact(value);
            var size = ChartPlotter.Measure(values[i].LabelStyle, label);
            var middle = start + (sweep / 2);
            var at = (X: cx + ((radius + hole) / 2 * Math.Cos(middle)), Y: cy + ((radius + hole) / 2 * Math.Sin(middle)));
            var box = new ChartTextBox("value", label, (float)at.X - (size.Width / 2), (float)at.Y - (size.Height / 2), size.Width, size.Height);
            if (sweep >= 0.2 && !kept.Exists(k => ChartPlotter.Padded(box).Intersects(k)))
            {
                values[i].LabelText = label;
                values[i].Location = new Coordinates(at.X, -at.Y);
                kept.Add(box);
                boxes.Add(box);
            }

            start += sweep;
        }

        // Text above the ring's slices.
        foreach (var text in values.Concat(legend))
        {
            plot.MoveToTop(text);
        }

        var legendLeft = area.Left + ringRoom + LegendGap;
        var top = cy - ((shownCount + (more > 0 ? 1 : 0)) * lineHeight / 2);
        for (var i = 0; i < shownCount + (more > 0 ? 1 : 0); i++)
        {
            var name = i < shownCount ? names[i] : moreText;
            var middle = top + (i * lineHeight) + (lineHeight / 2);
            if (i < shownCount)
            {
                var swatch = plot.Add.Rectangle(legendLeft, legendLeft + SwatchSize, -(middle - (SwatchSize / 2)), -(middle + (SwatchSize / 2)));
                swatch.FillColor = ColorOf(chart, i);
                swatch.LineWidth = 0;
            }

            var size = ChartPlotter.Measure(legendStyle, name);
            var x = legendLeft + SwatchSize + SwatchGap;
            legend[i].LabelText = name;
            legend[i].Location = new Coordinates(x, -middle);
            boxes.Add(new ChartTextBox("category", name, x, middle - (size.Height / 2), size.Width, size.Height));
        }

        return new ChartLayout(plot, boxes);
    }

    private static Color ColorOf(ReportChart chart, int index) =>
        chart.Kind == ReportChartKind.HealthDistribution ? ChartPlotter.HealthColor(chart.Labels[index]) : Palette[index % Palette.Length];

    /// <summary>One slice of the ring as a polygon: the outer arc clockwise, the inner arc back (pixel coordinates, y negated).</summary>
    private static Coordinates[] Ring(double cx, double cy, double outer, double inner, double start, double sweep)
    {
        var steps = Math.Max(2, (int)Math.Ceiling(sweep / (Math.PI / 90)));
        var points = new Coordinates[2 * (steps + 1)];
        for (var s = 0; s <= steps; s++)
        {
            var angle = start + (sweep * s / steps);
            points[s] = new Coordinates(cx + (outer * Math.Cos(angle)), -(cy + (outer * Math.Sin(angle))));
            points[(2 * steps) + 1 - s] = new Coordinates(cx + (inner * Math.Cos(angle)), -(cy + (inner * Math.Sin(angle))));
        }

        return points;
    }
}
