using ScottPlot;

namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>Turns chart data into a ScottPlot bar chart with the house style.</summary>
internal static class ChartPlotter
{
    private static readonly Color[] HealthColors =
    [
        Color.FromHex("#2E7D32"), // Good
        Color.FromHex("#F9A825"), // Average
        Color.FromHex("#C62828"), // Poor
        Color.FromHex("#78909C"), // anything else
    ];

    private static readonly Color Accent = Color.FromHex("#1565C0");

    public static Plot Create(ReportChart chart)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, size: 16);
        var horizontal = chart.Kind == ReportChartKind.TopAccounts;
        var bars = new List<Bar>(chart.Values.Count);
        for (var i = 0; i < chart.Values.Count; i++)
        {
            // Top accounts read best top-down: the best account gets the highest position.
            var position = horizontal ? chart.Values.Count - 1 - i : i;
            bars.Add(new Bar
            {
                Position = position,
                Value = chart.Values[i],
                FillColor = chart.Kind == ReportChartKind.HealthDistribution ? HealthColor(chart.Labels[i]) : Accent,
                LineWidth = 0,
                Label = Compact(chart.Values[i]),
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontSize = 11;
        var ticks = chart.Labels.Select((label, i) => new Tick(horizontal ? chart.Labels.Count - 1 - i : i, Shorten(label))).ToArray();
        var tickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = tickGenerator;

            // Room on the right for the value labels beyond the longest bar.
            plot.Axes.Margins(left: 0, right: 0.12);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = tickGenerator;

            // Room above the tallest bar for its value label: a fixed share of the data range, which suits the
            // small PDF charts as well as the wide HTML ones (a margin would scale with the plot instead).
            plot.Axes.SetLimitsY(0, Math.Max(1, chart.Values.DefaultIfEmpty(0).Max()) * 1.2);
        }

        plot.Grid.MajorLineColor = Color.FromHex("#E0E0E0");
        return plot;
    }

    private static Color HealthColor(string label) => label switch
    {
        "Good" => HealthColors[0],
        "Average" => HealthColors[1],
        "Poor" => HealthColors[2],
        _ => HealthColors[3],
    };

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

    private static string Shorten(string label) => label.Length <= 24 ? label : string.Concat(label.AsSpan(0, 23), "…");
}
