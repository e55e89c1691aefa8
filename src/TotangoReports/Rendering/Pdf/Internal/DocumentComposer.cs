using System.Globalization;
using SkiaSharp;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// First pass of the layout: places everything on pages (overview page, then each dataset's section on pages
/// of its own orientation) without drawing, so the page count is known before any footer is written.
/// </summary>
internal sealed class DocumentComposer(Report report, OutputDefinition output, PdfRendererOptions options, TextShaper shaper)
{
    private static readonly TextStyle TitleStyle = new(20, Bold: true);
    private static readonly TextStyle SubtitleStyle = new(10);
    private static readonly TextStyle SmallStyle = new(8.5f);
    private static readonly TextStyle SectionStyle = new(12, Bold: true);
    private static readonly TextStyle TileValueStyle = new(15, Bold: true);
    private static readonly TextStyle TileLabelStyle = new(7.5f);
    private static readonly TextStyle TileCompareStyle = new(7f, Bold: true);

    private const int TilesPerRow = 6;

    private readonly CellFormatter _formatter = new(report.TimeZone);

    public List<LayoutPage> Compose()
    {
        var pages = new List<LayoutPage>();
        pages.Add(Overview());
        var datasets = output.Dataset is null
            ? report.Datasets
            : report.Datasets.Where(d => d.Name == output.Dataset).ToList();
        foreach (var dataset in datasets)
        {
            pages.AddRange(Section(dataset));
        }

        return pages;
    }

    private LayoutPage Overview()
    {
        var geometry = PageGeometry.For(output.PageSize, landscape: false, options.Margin);
        var page = new LayoutPage(geometry);
        var x = geometry.ContentLeft;
        var width = geometry.ContentWidth;
        var y = geometry.BodyTop + 4;

        y = AddText(page, report.Title, TitleStyle, x, y, width, Palette.Text) + 2;
        if (!string.IsNullOrWhiteSpace(report.Definition.Description))
        {
            y = AddText(page, report.Definition.Description, SubtitleStyle, x, y, width, Palette.Muted) + 2;
        }

        y = AddText(page, "Generated " + GeneratedText(), SmallStyle, x, y, width, Palette.Muted);
        if (report.Parameters.Count > 0)
        {
            var parameters = string.Join(", ", report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {(p.Value.Length == 0 ? "(empty)" : p.Value)}"));
            y = AddText(page, "Parameters: " + parameters, SmallStyle, x, y, width, Palette.Muted);
        }

        foreach (var dataset in report.Datasets)
        {
            var note = dataset.Fetch.Complete ? string.Empty : " — incomplete: " + string.Join("; ", dataset.Fetch.Gaps);
            y = AddText(page, string.Create(CultureInfo.InvariantCulture, $"Dataset {dataset.Name}: {dataset.Rows.Count:#,##0} rows{note}"), SmallStyle, x, y, width, dataset.Fetch.Complete ? Palette.Muted : Palette.Poor);
        }

        foreach (var warning in report.Warnings)
        {
            y = AddText(page, "Warning: " + warning, SmallStyle, x, y, width, Palette.Poor);
        }

        y += 12;
        if (options.IncludeKpis)
        {
            y = AddKpis(page, report.Summary.Kpis, x, y, width) + 16;
        }

        if (options.IncludeCharts)
        {
            AddCharts(page, ReportCharts.For(report), x, y, width, geometry.BodyBottom);
        }

        return page;
    }

    private float AddKpis(LayoutPage page, IReadOnlyList<SummaryKpi> kpis, float x, float y, float width)
    {
        if (kpis.Count == 0)
        {
            return y - 16;
        }

        // Six tiles to a row at most, so a label still fits in two lines.
        for (var start = 0; start < kpis.Count; start += TilesPerRow)
        {
            y = AddKpiRow(page, kpis.Skip(start).Take(TilesPerRow).ToList(), Math.Min(kpis.Count, TilesPerRow), x, y, width) + (start + TilesPerRow < kpis.Count ? 6 : 0);
        }

        return y;
    }

    private float AddKpiRow(LayoutPage page, IReadOnlyList<SummaryKpi> kpis, int columns, float x, float y, float width)
    {
        var tiles = kpis.Select(k => (Value: KpiText.Of(k), k.Label, Accent: AccentOf(k.Tone), Compare: KpiText.Compare(k), Direction: KpiText.Goodness(k))).ToArray();
        const float gap = 6f;
        var tileWidth = (width - (gap * (columns - 1))) / columns;
        var inner = tileWidth - 12;

        // "+12 vs 7 days ago" sits under the value when any tile of the row compares, so the row's labels stay aligned.
        var compareLines = tiles.Max(t => t.Compare is null ? 0 : Math.Min(2, LineBreaker.Wrap(shaper, t.Compare, TileCompareStyle, inner).Count));
        var compareHeight = compareLines * TileCompareStyle.LineHeight;
        var tileHeight = 12 + TileValueStyle.LineHeight + compareHeight + (2 * TileLabelStyle.LineHeight);
        for (var i = 0; i < tiles.Length; i++)
        {
            var left = x + (i * (tileWidth + gap));
            page.Elements.Add(new BoxElement(SKRect.Create(left, y, tileWidth, tileHeight), Palette.TileFill, Palette.Rule));
            page.Elements.Add(new BoxElement(SKRect.Create(left, y, 3, tileHeight), tiles[i].Accent));
            var value = LineBreaker.Wrap(shaper, tiles[i].Value, TileValueStyle, inner);
            page.Elements.Add(new TextElement(value.Take(1).ToList(), TileValueStyle, left + 8, y + 6, inner, Palette.Text));
            if (tiles[i].Compare is { } compare)
            {
                var line = LineBreaker.Wrap(shaper, compare, TileCompareStyle, inner);
                page.Elements.Add(new TextElement(line.Take(2).ToList(), TileCompareStyle, left + 8, y + 6 + TileValueStyle.LineHeight, inner, CompareColour(tiles[i].Direction)));
            }

            var label = LineBreaker.Wrap(shaper, tiles[i].Label, TileLabelStyle, inner);
            page.Elements.Add(new TextElement(label.Take(2).ToList(), TileLabelStyle, left + 8, y + 6 + TileValueStyle.LineHeight + compareHeight, inner, Palette.Muted));
        }

        return y + tileHeight;
    }

    /// <summary>Up green, down red, no change grey: the same colours as the HTML tile.</summary>
    private static SKColor CompareColour(int direction) => direction switch
    {
        > 0 => Palette.Good,
        < 0 => Palette.Poor,
        _ => Palette.Muted,
    };

    private static SKColor AccentOf(KpiTone tone) => tone switch
    {
        KpiTone.Good => Palette.Good,
        KpiTone.Average => Palette.Average,
        KpiTone.Poor => Palette.Poor,
        _ => Palette.Accent,
    };

    private void AddCharts(LayoutPage page, IReadOnlyList<ReportChart> charts, float x, float y, float width, float bottom)
    {
        const float gap = 12f;
        const float preferred = 200f;
        const float smallest = 130f;

        // Vertical charts two to a row; a horizontal one (bar labels are names) gets the whole width.
        var rows = new List<List<ReportChart>>();
        foreach (var chart in charts)
        {
            var wide = chart.Kind == ReportChartKind.TopAccounts;
            if (!wide && rows.Count > 0 && rows[^1].Count == 1 && rows[^1][0].Kind != ReportChartKind.TopAccounts)
            {
                rows[^1].Add(chart);
            }
            else
            {
                rows.Add([chart]);
            }
        }

        // Every chart of the summary on the first page: the rows share the height left, down to a readable floor.
        var fitting = rows.Count;
        var height = preferred;
        while (fitting > 0 && (height = Math.Min(preferred, (bottom - y - (gap * (fitting - 1))) / fitting)) < smallest)
        {
            fitting--;
        }

        // A whole-width horizontal chart lists names: it gets up to 40 pt more when the page has them.
        var wideRows = rows.Take(fitting).Count(r => r.Count == 1 && r[0].Kind == ReportChartKind.TopAccounts);
        var spare = bottom - y - (fitting * height) - (gap * Math.Max(0, fitting - 1));
        var extra = wideRows == 0 ? 0 : Math.Clamp(spare / wideRows, 0, 40);
        var half = (width - gap) / 2f;
        foreach (var row in rows.Take(fitting))
        {
            if (row.Count == 2)
            {
                AddChart(page, row[0], SKRect.Create(x, y, half, height));
                AddChart(page, row[1], SKRect.Create(x + half + gap, y, half, height));
            }
            else
            {
                var tall = row[0].Kind == ReportChartKind.TopAccounts ? height + extra : height;
                AddChart(page, row[0], SKRect.Create(x, y, width, tall));
                y += tall - height;
            }

            y += height + gap;
        }
    }

    private void AddChart(LayoutPage page, ReportChart chart, SKRect area)
    {
        var element = new ChartElement(chart, area);
        element.RecordUsage(shaper.Usage, shaper.Fonts);
        page.Elements.Add(element);
    }

    private IEnumerable<LayoutPage> Section(DatasetTable dataset)
    {
        var portrait = PageGeometry.For(output.PageSize, landscape: false, options.Margin);
        var landscapeGeometry = PageGeometry.For(output.PageSize, landscape: true, options.Margin);
        var table = new TableBuilder(shaper, _formatter, options).Build(dataset, portrait.ContentWidth, landscapeGeometry.ContentWidth, output.Rows);
        var geometry = table.Landscape ? landscapeGeometry : portrait;
        var captionHeight = SectionStyle.LineHeight + 6;
        var tableHeight = geometry.BodyHeight - captionHeight;
        var metrics = new PaginationMetrics(table.Metrics.LineHeight, table.Metrics.RowPadding, table.HeaderHeight, tableHeight, tableHeight);
        var slices = TablePaginator.Paginate(table.Items(), metrics);
        var rowCount = dataset.Rows.Count.ToString("#,##0", CultureInfo.InvariantCulture);
        // One caption element per band serves every continuation page: a page's elements are all its memory until drawn.
        var continued = new TextElement?[table.Bands.Count];
        // Across, then down: each slice of rows on the page of every column band before the next rows.
        for (var p = 0; p < slices.Count; p++)
        {
            for (var b = 0; b < table.Bands.Count; b++)
            {
                var band = table.Bands[b];
                var columnsNote = table.Bands.Count == 1
                    ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $" · columns {band.Range.First}–{band.Range.Last} of {table.ColumnCount}");
                var page = new LayoutPage(geometry);
                if (p == 0 && b == 0)
                {
                    AddText(page, $"{dataset.Name} · {rowCount} rows{columnsNote}", SectionStyle, geometry.ContentLeft, geometry.BodyTop, geometry.ContentWidth, Palette.Accent);
                }
                else
                {
                    continued[b] ??= Text($"{dataset.Name} (continued){columnsNote}", SectionStyle, geometry.ContentLeft, geometry.BodyTop, geometry.ContentWidth, Palette.Accent);
                    page.Elements.Add(continued[b]!);
                }

                var top = geometry.BodyTop + captionHeight;
                page.Elements.Add(new TablePageElement(table, band, slices[p], geometry.ContentLeft, top));
                if (dataset.Rows.Count == 0)
                {
                    AddText(page, "No rows.", SmallStyle, geometry.ContentLeft + 4, top + table.HeaderHeight + 4, geometry.ContentWidth, Palette.Muted);
                }

                yield return page;
            }
        }
    }

    private string GeneratedText() =>
        report.GeneratedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + report.TimeZone.Id + ")";

    private float AddText(LayoutPage page, string text, TextStyle style, float x, float y, float width, SKColor color)
    {
        var element = Text(text, style, x, y, width, color);
        page.Elements.Add(element);
        return y + element.Height;
    }

    private TextElement Text(string text, TextStyle style, float x, float y, float width, SKColor color) =>
        new(LineBreaker.Wrap(shaper, text, style, width), style, x, y, width, color);
}
