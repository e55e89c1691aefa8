using System.Diagnostics;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Pdf;
using UglyToad.PdfPig;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>Renders reports to PDF bytes and reads them back with independent readers (PdfPig, poppler).</summary>
internal static class PdfTestSupport
{
    public static OutputDefinition Output(PageSize size = PageSize.A4, string? author = null, string? logo = null, string? dataset = null) =>
        new() { Format = OutputFormat.Pdf, File = "report.pdf", PageSize = size, Author = author, Logo = logo, Dataset = dataset };

    public static async Task<byte[]> RenderAsync(Report report, OutputDefinition? output = null, PdfRendererOptions? options = null)
    {
        using var stream = new MemoryStream();
        await new PdfRenderer(options ?? new PdfRendererOptions()).RenderAsync(report, output ?? Output(), stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    public static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    /// <summary>
    /// Text of each page as poppler's pdftotext reads it (it applies the bidi algorithm, so RTL comes back in
    /// logical order). Null when poppler is not installed and we are not in CI; in CI a missing tool fails.
    /// </summary>
    public static IReadOnlyList<string>? PdfToText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "totango-pdf-test-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var info = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            Process? process;
            try
            {
                process = Process.Start(info);
            }
            catch (System.ComponentModel.Win32Exception) when (Environment.GetEnvironmentVariable("CI") is null)
            {
                return null;
            }

            using var started = process ?? throw new InvalidOperationException("pdftotext did not start.");
            var text = started.StandardOutput.ReadToEnd();
            started.WaitForExit();
            started.ExitCode.ShouldBe(0, started.StandardError.ReadToEnd());
            return text.Split((char)12);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
