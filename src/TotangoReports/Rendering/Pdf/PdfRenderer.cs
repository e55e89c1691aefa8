using SkiaSharp;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Rendering.Pdf;

/// <summary>
/// Renders a report as a print-ready PDF: title block, KPI tiles, vector charts, then each dataset as a table
/// (header on every page, rows never cut, landscape when wide), <c>Page x of y</c> footers, embedded shipped fonts,
/// selectable text that extracts back in logical order (Hebrew and Arabic included). Output is deterministic:
/// the same report gives the same bytes.
/// </summary>
internal sealed class PdfRenderer : IReportRenderer
{
    private readonly PdfRendererOptions _options;

    public PdfRenderer()
        : this(new PdfRendererOptions())
    {
    }

    public PdfRenderer(PdfRendererOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public OutputFormat Format => OutputFormat.Pdf;

    public Task RenderAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        if (output.Dataset is not null && report.FindDataset(output.Dataset) is null)
        {
            var where = output.Location.File is null ? report.Definition.SourcePath : output.Location.ToString();
            var known = string.Join(", ", report.Datasets.Select(d => d.Name));
            throw new RenderException($"{where}: pdf output names dataset '{output.Dataset}', which the report does not define (datasets: {known}).");
        }

        using var layout = PdfDocumentLayout.Create(report, output, _options);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = report.Title,
            Author = string.IsNullOrWhiteSpace(output.Author) ? "TotangoReports" : output.Author,
            Subject = report.Definition.Description ?? string.Empty,
            Creator = "TotangoReports",
            Producer = "TotangoReports",
            Creation = report.GeneratedAt.UtcDateTime,
            Modified = report.GeneratedAt.UtcDateTime,
            RasterDpi = 150,
            EncodingQuality = 90,
        };

        using var document = SKDocument.CreatePdf(destination, metadata)
            ?? throw new RenderException("The PDF backend could not be started.");
        for (var i = 0; i < layout.Pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var geometry = layout.Pages[i].Geometry;
            var canvas = document.BeginPage(geometry.Width, geometry.Height);
            layout.DrawPage(i, canvas);
            document.EndPage();
        }

        document.Close();
        return Task.CompletedTask;
    }
}
