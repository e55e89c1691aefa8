using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>
/// Data sheets print: landscape, one page wide, header row repeated, page numbers in the footer — read back with
/// the Open XML SDK, and the whole package passes its validator. Counts show thousands separators.
/// </summary>
public sealed class XlsxPrintSetupTests
{
    [Fact]
    public async Task Render_DataSheets_PrintLandscapeOnePageWide_WithHeaderRowRepeatedAndPageNumbers()
    {
        // Arrange
        var bytes = await XlsxTestWorkbook.RenderBytesAsync(TestReports.Accounts(300));

        // Act
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        // Assert
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["Summary", "accounts", "Users", "Lifecycle"]);
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)).Skip(1))
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>().ShouldNotBeNull(sheet.Name!);
            setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape);
            setup.FitToWidth!.Value.ShouldBe(1u);
            setup.FitToHeight!.Value.ShouldBe(0u);
            worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue();
            var footer = worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text;
            footer.ShouldContain("Page &P of &N");
            titles.ShouldContain(d => d.LocalSheetId! == (uint)index && d.Text == $"'{sheet.Name}'!$1:$1");
        }
    }

    [Fact]
    public async Task Render_Workbook_HasNoOpenXmlValidationErrors()
    {
        var bytes = await XlsxTestWorkbook.RenderBytesAsync(TestReports.Accounts(120));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors.Take(10)));
    }

    [Fact]
    public async Task Render_CountColumns_ShowThousandsSeparators_OwnFormatsKept()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(40));

        var sheet = workbook.Worksheet("accounts");
        var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        sheet.Cell(3, headers["Users 30d"]).Style.NumberFormat.Format.ShouldBe("#,##0");
        sheet.Cell(3, headers["create-task 90d"]).Style.NumberFormat.Format.ShouldBe("#,##0");
        sheet.Cell(3, headers["Score"]).Style.NumberFormat.Format.ShouldBe("0");
        sheet.Cell(3, headers["Utilisation"]).Style.NumberFormat.Format.ShouldBe("0%");
    }
}
