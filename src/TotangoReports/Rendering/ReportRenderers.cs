using TotangoReports.Definition;
using TotangoReports.Rendering.Csv;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports.Rendering;

/// <summary>The renderer for each output format this build has.</summary>
internal sealed class ReportRenderers
{
    private readonly Dictionary<OutputFormat, IReportRenderer> _byFormat;

    public ReportRenderers(IEnumerable<IReportRenderer> renderers)
    {
        _byFormat = renderers.ToDictionary(r => r.Format);
    }

    public IReadOnlySet<OutputFormat> Formats => _byFormat.Keys.ToHashSet();

    public IReportRenderer this[OutputFormat format] =>
        _byFormat.TryGetValue(format, out var renderer)
            ? renderer
            : throw new RenderException($"output format '{format.ToString().ToLowerInvariant()}' is not available in this build");

    public static ReportRenderers Default() => new([new CsvRenderer(), new XlsxRenderer(), new PdfRenderer(), new HtmlRenderer()]);
}
