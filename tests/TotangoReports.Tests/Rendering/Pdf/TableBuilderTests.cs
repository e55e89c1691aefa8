using TotangoReports.Fixtures;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class TableBuilderTests
{
    [Fact]
    public void Build_NarrowPageWithGroups_LineCountsMatchTheCellsShapedAgainForDrawing()
    {
        // Pass one keeps only line counts; pagination relies on them matching what drawing shapes later, so a narrow
        // table (plenty of wrapping, awkward names, group bands) must count exactly as the rebuilt cells wrap.
        var report = TestReports.Accounts(120, withGroups: true);
        using var shaper = new TextShaper(PdfFonts.Shared);
        var options = new PdfRendererOptions { AllowLandscape = false, MaxColumnWidth = 60 };
        var table = new TableBuilder(shaper, new CellFormatter(report.TimeZone), options).Build(report.Datasets[0], 300, 300);

        table.Entries.ShouldContain(e => e.Lines > 1);
        table.Entries.ShouldContain(e => e.IsBand);
        foreach (var entry in table.Entries)
        {
            TableEntry.LinesOf(table.Cells.Of(entry)).ShouldBe(entry.Lines);
        }
    }
}
