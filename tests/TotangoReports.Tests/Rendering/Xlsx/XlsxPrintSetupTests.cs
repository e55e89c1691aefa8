using TotangoReports.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>
/// Sheets print: landscape, one page wide, a data sheet's header row repeated, page numbers in the footer — read back with
/// the Open XML SDK, and the whole package passes its validator. Counts show thousands separators.
/// </summary>
public sealed class XlsxPrintSetupTests
{
    [Fact]
    public async Task Render_EverySheet_PrintsLandscapeOnePageWide_WithPageNumbers_AndDataSheetsRepeatTheirHeaderRow()
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
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>().ShouldNotBeNull(sheet.Name!);
            setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape);
            setup.FitToWidth!.Value.ShouldBe(1u);
            setup.FitToHeight!.Value.ShouldBe(0u);
            worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue();
            var footer = worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text;
            footer.ShouldContain("Page &P of &N");
            if (index == 0)
            {
                titles.ShouldNotContain(d => d.LocalSheetId! == 0u, "the Summary has no header row to repeat");
            }
            else
            {
                titles.ShouldContain(d => d.LocalSheetId! == (uint)index && d.Text == $"'{sheet.Name}'!$1:$1");
            }
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

    [Fact]
    public async Task PrintSetup_NeverSplitsAUtf8Character_WhereTheRowsEndMarkerIsSought()
    {
        // A three-byte character at every offset around the first 64 KiB read: the bytes kept back to find
        // "</sheetData>" across two reads once started mid-character, and the tail, decoded as text, lost it (an
        // invalid sheet, seen when the sample data put an en dash there).
        const string Head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
        const string Tail = "</t></is></c></row></sheetData></worksheet>";
        for (var at = (1 << 16) - 40; at < (1 << 16) + 4; at++)
        {
            var text = new string('x', at - Head.Length) + "\u2013" + new string('y', 3);
            var sheet = Head + text + Tail;
            using var package = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, "xl/workbook.xml", "<workbook><sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Write(zip, "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
                Write(zip, "xl/worksheets/sheet1.xml", sheet);
            }

            package.Position = 0;
            using var copy = new MemoryStream();
            await TotangoReports.Rendering.Xlsx.Internal.PrintSetup.CopyAsync(package, copy, new HashSet<string>(StringComparer.Ordinal) { "data" }, System.IO.Compression.CompressionLevel.NoCompression, TestContext.Current.CancellationToken);

            copy.Position = 0;
            using var result = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Read);
            using var reader = new StreamReader(result.GetEntry("xl/worksheets/sheet1.xml")!.Open(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            var written = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            written.ShouldContain(text, customMessage: $"character at byte {at}");
            written.ShouldContain("<pageSetup");
        }

        static void Write(System.IO.Compression.ZipArchive zip, string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.NoCompression).Open(), new System.Text.UTF8Encoding(false));
            writer.Write(content);
        }
    }
}
