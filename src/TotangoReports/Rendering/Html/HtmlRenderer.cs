using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Html.Internal;

namespace TotangoReports.Rendering.Html;

/// <summary>
/// Renders a report through a Scriban template: a built-in (<see cref="BuiltInTemplates.Names"/>) or a
/// <c>.sbn</c> file relative to the definition. Data values are HTML-escaped unless the template pipes them
/// through <c>raw</c>; the template runs sandboxed (see <see cref="HtmlRendererOptions"/>). Template mistakes
/// surface as <see cref="RenderException"/> with <c>template-file:line:col: message</c>.
/// </summary>
public sealed class HtmlRenderer : IReportRenderer
{
    /// <summary>The template used when an html output names none.</summary>
    public const string DefaultTemplate = "exec-summary";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly HtmlTemplateEngine _engine;

    public HtmlRenderer(HtmlRendererOptions? options = null)
    {
        Options = (options ?? new HtmlRendererOptions()).Validate();
        _engine = new HtmlTemplateEngine(Options);
    }

    public HtmlRendererOptions Options { get; }

    public OutputFormat Format => OutputFormat.Html;

    /// <summary>
    /// The MIME Content-ID (without angle brackets) under which delivery attaches the PNG of chart
    /// <paramref name="chartKey"/> (<see cref="Charts.ReportChart.Key"/>) when rendering with <see cref="HtmlChartMode.CidImages"/>.
    /// </summary>
    public static string ChartContentId(string chartKey) => $"chart-{chartKey}@totango-reports";

    /// <summary>
    /// For <c>validate</c>: the problems of an html output that show without data — a template that is neither a
    /// built-in nor an existing file, or one that does not parse (each error at <c>template-file:line:col</c>).
    /// Empty when the template is fine. Partials are only read when rendering.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckTemplate(ReportDefinition definition, OutputDefinition output)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(output);
        return HtmlTemplateEngine.Check(definition, output);
    }

    /// <summary>Writes the page as UTF-8 (no BOM) to <paramref name="destination"/>.</summary>
    public async Task RenderAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new StreamWriter(destination, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            if (report.IsSample)
            {
                // A sample page is small (700 accounts); the banner goes in whatever the template wrote.
                await writer.WriteAsync(RenderToString(report, output, cancellationToken).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _engine.Render(report, output, writer, cancellationToken);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The page as a string, e.g. for a mail body.</summary>
    public string RenderToString(Report report, OutputDefinition output, CancellationToken cancellationToken = default)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _engine.Render(report, output, writer, cancellationToken);
        return report.IsSample ? SampleBanner.Insert(writer.ToString()) : writer.ToString();
    }
}
