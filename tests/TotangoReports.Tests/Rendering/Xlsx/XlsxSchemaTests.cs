using System.IO.Compression;
using System.Text;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Xlsx;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>The schema check every xlsx test relies on can fail: a workbook Excel would repair is caught.</summary>
public sealed class XlsxSchemaTests
{
    [Fact]
    public async Task Validate_WorkbookWithAnElementOutOfPlace_FailsNamingIt()
    {
        // Arrange: a valid workbook whose first sheet gets an element the schema does not allow there.
        var bytes = await XlsxTestWorkbook.RenderBytesAsync(TestReports.Accounts(3), new XlsxRendererOptions { IncludeCharts = false });
        using var broken = new MemoryStream();
        broken.Write(bytes);
        using (var zip = new ZipArchive(broken, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            }

            entry.Delete();
            var replaced = zip.CreateEntry(entry.FullName);
            await using var writer = new StreamWriter(replaced.Open(), new UTF8Encoding(false));
            await writer.WriteAsync(xml.Replace("<sheetData>", "<sheetData><cols/>", StringComparison.Ordinal));
        }

        // Act
        var failure = Should.Throw<ShouldAssertException>(() => XlsxSchema.Validate(broken.ToArray()));

        // Assert
        failure.Message.ShouldContain("cols");
    }
}
