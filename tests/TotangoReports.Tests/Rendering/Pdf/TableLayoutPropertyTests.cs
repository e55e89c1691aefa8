using System.Globalization;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>
/// The table layout over random tables (column counts, kinds, scripts, lengths, page widths): numbers, dates and
/// ids are never split over lines, no row is lost, every column is shown, no band is wider than its page.
/// </summary>
public sealed class TableLayoutPropertyTests
{
    private static readonly string[] LatinWords = ["alpha", "Müller", "onboarding", "x", "renewal-risk", "Q3", "supercalifragilistic", "café", "a/b", "GmbH"];
    private static readonly string[] HebrewWords = ["חברת", "אלפא", "בע\"מ", "שלום"];
    private static readonly string[] CjkWords = ["株式会社テスト", "数据", "報告書", "사용자"];

    [Fact]
    public void Build_RandomTables_NeverSplitsNumbersDatesOrIds_AndKeepsEveryRowAndColumn()
    {
        var random = new Random(20261202);
        using var shaper = new TextShaper(PdfFonts.Shared);
        var formatter = new CellFormatter(TimeZoneInfo.Utc);
        var options = new PdfRendererOptions();
        for (var round = 0; round < 60; round++)
        {
            // Arrange
            var table = RandomTable(random, round);
            var portrait = 200 + (random.NextSingle() * 400);
            var landscape = portrait + (random.NextSingle() * 300);

            // Act
            var layout = new TableBuilder(shaper, formatter, options).Build(table, portrait, landscape);
            var pages = TablePaginator.Paginate(layout.Items(), new PaginationMetrics(layout.Metrics.LineHeight, layout.Metrics.RowPadding, layout.HeaderHeight, 500, 500));

            // Assert
            var context = $"round {round}: {table.Columns.Count} columns, {table.Rows.Count} rows, {portrait:0}/{landscape:0} pt";
            layout.Metrics.Body.Size.ShouldBeGreaterThanOrEqualTo(options.MinBodyFontSize, context);
            layout.Bands.SelectMany(b => b.Columns).Distinct().Order().ShouldBe(Enumerable.Range(0, table.Columns.Count), context);
            var available = layout.Landscape ? landscape : portrait;
            layout.Bands.ShouldAllBe(b => b.Width <= available + 0.01f, context);
            layout.Entries.Where(e => !e.IsBand).Select(e => e.Row).Order().ShouldBe(Enumerable.Range(0, table.Rows.Count), context);
            pages.SelectMany(p => p).Where(s => s.FirstLine == 0).Select(s => s.Item).ShouldBe(Enumerable.Range(0, layout.Entries.Count), context);
            foreach (var band in layout.Bands)
            {
                foreach (var entry in layout.Entries.Where(e => !e.IsBand))
                {
                    var cells = band.Cells.Row(entry.Row);
                    TableEntry.LinesOf(cells).ShouldBeLessThanOrEqualTo(entry.Lines, context);
                    for (var i = 0; i < band.Columns.Length; i++)
                    {
                        var column = table.Columns[band.Columns[i]];
                        if (ColumnRoles.IsUnbreakable(column))
                        {
                            cells[i].Count.ShouldBe(1, $"{context}: '{band.Cells.Text(entry.Row, i)}' in {column.Name} was split over {cells[i].Count} lines");
                        }
                    }
                }
            }
        }
    }

    private static DatasetTable RandomTable(Random random, int round)
    {
        var count = 1 + random.Next(round % 3 == 0 ? 28 : 12);
        var columns = new List<TableColumn>();
        for (var c = 0; c < count; c++)
        {
            var name = string.Join(random.Next(2) == 0 ? " " : "-", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => LatinWords[random.Next(LatinWords.Length)]));
            columns.Add((c == 0 ? 3 : random.Next(6)) switch
            {
                0 => new TableColumn(name, CellKind.Number, random.Next(2) == 0 ? "#,##0" : "0.00"),
                1 => new TableColumn(name, CellKind.Date),
                2 => new TableColumn(name, CellKind.DateTime),
                3 => new TableColumn(name + "-id", CellKind.Text),
                _ => new TableColumn(name, CellKind.Text),
            });
        }

        var rows = new List<TableRow>();
        var rowCount = random.Next(0, 40);
        for (var r = 0; r < rowCount; r++)
        {
            var values = columns.Select(column => RandomValue(random, column)).ToArray();
            rows.Add(new TableRow("r" + r.ToString(CultureInfo.InvariantCulture), values));
        }

        return new DatasetTable { Name = "random", Columns = columns, Rows = rows, Fetch = new FetchSummary() };
    }

    private static object? RandomValue(Random random, TableColumn column)
    {
        if (random.Next(10) == 0)
        {
            return null;
        }

        return column.Kind switch
        {
            CellKind.Number => Math.Round((random.NextDouble() - 0.2) * Math.Pow(10, random.Next(1, 11)), 2),
            CellKind.Date => new DateOnly(2000 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)),
            CellKind.DateTime => new DateTimeOffset(2020 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), 0, TimeSpan.Zero),
            _ when ColumnRoles.IsId(column.Name) => "acct-" + new string(Enumerable.Range(0, random.Next(1, 28)).Select(_ => (char)('a' + random.Next(26))).ToArray()),
            _ => RandomText(random),
        };
    }

    private static string RandomText(Random random)
    {
        var words = (random.Next(3) switch { 0 => HebrewWords, 1 => CjkWords, _ => LatinWords });
        var text = new StringBuilder();
        var length = random.Next(1, 25);
        for (var i = 0; i < length; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(words[random.Next(words.Length)]);
        }

        return text.ToString();
    }
}
