using TotangoReports.Api;
using TotangoReports.Fixtures;
using TotangoReports.Data;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class TableBuilderTests
{
    [Fact]
    public void Build_NarrowPageWithGroups_LineCountsMatchTheCellsShapedAgainForDrawing()
    {
        // Pass one keeps only line counts; pagination relies on them matching what drawing shapes later, so a narrow
        // table (plenty of wrapping, awkward names, group bands, columns carried over pages) must count exactly as the
        // rebuilt cells wrap.
        var report = TestReports.Accounts(120, withGroups: true);
        using var shaper = new TextShaper(PdfFonts.Shared);
        var options = new PdfRendererOptions { AllowLandscape = false, MaxColumnWidth = 60 };
        var table = new TableBuilder(shaper, new CellFormatter(report.TimeZone), options).Build(report.Datasets[0], 300, 300);

        table.Entries.ShouldContain(e => e.Lines > 1);
        table.Entries.ShouldContain(e => e.IsBand);
        table.Bands.Count.ShouldBeGreaterThan(1);
        foreach (var entry in table.Entries)
        {
            // A row takes the most lines any column band needs, so the same rows share a page in every band.
            table.Bands.Max(b => TableEntry.LinesOf(b.Cells.Of(entry))).ShouldBe(entry.Lines);
        }
    }

    [Fact]
    public void Build_NoColumns_OneEmptyBandAndEveryRowKept()
    {
        var table = new DatasetTable { Name = "empty", Columns = [], Rows = [new TableRow("a", []), new TableRow("b", [])], Fetch = new FetchSummary() };
        using var shaper = new TextShaper(PdfFonts.Shared);

        var layout = new TableBuilder(shaper, new CellFormatter(TimeZoneInfo.Utc), new PdfRendererOptions()).Build(table, 500, 700);

        layout.Bands.ShouldHaveSingleItem().Columns.ShouldBeEmpty();
        layout.Entries.Select(e => e.Row).ShouldBe([0, 1]);
    }

    [Fact]
    public void Build_WithRowLimit_SizesColumnsByTheRowsShown_NotByRowsBeyondTheLimit()
    {
        // Arrange: 30 rows; row 29 (past the limit) holds an id three times as long as any shown.
        var columns = new TableColumn[] { new("Account ID", CellKind.Text, null, null), new("Name", CellKind.Text, null, null) };
        var rows = Enumerable.Range(0, 30).Select(i => new TableRow("a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), [i == 29 ? new string('9', 60) : "acct-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Acme"])).ToList();
        var table = new DatasetTable { Name = "accounts", Columns = columns, Rows = rows, Fetch = new FetchSummary() };
        using var shaper = new TextShaper(PdfFonts.Shared);
        var builder = new TableBuilder(shaper, new CellFormatter(TimeZoneInfo.Utc), new PdfRendererOptions { AllowLandscape = false });

        // Act
        var limited = builder.Build(table, 500, 500, rowLimit: 25);
        var whole = builder.Build(table, 500, 500);

        // Assert
        limited.Entries.Count(e => e.Kind == TableEntryKind.Row).ShouldBe(25);
        limited.Bands[0].Widths[0].ShouldBeLessThan(whole.Bands[0].Widths[0] * 0.8f, "the long id (row 29) is not on the page");
    }
}
