using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class PdfRendererTests
{
    [Fact]
    public async Task Render_Smoke_WritesPdf()
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(120));
        File.WriteAllBytes("/tmp/pdfx/smoke.pdf", pdf);
        pdf.Length.ShouldBeGreaterThan(1000);
    }
}
