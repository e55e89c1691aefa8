using System.Globalization;
using System.Net;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// The page's content for a render, as an HTML fragment. Every value shown (paths, messages, source lines, cells,
/// the HTML output itself in <c>srcdoc</c>) goes through <see cref="E"/>: nothing from a definition, template or the
/// data reaches the preview's own DOM as markup.
/// </summary>
internal sealed class ContentWriter(PreviewOptions options, PdfPages pdf)
{
    public string Write(PreviewRender current, PreviewRender? lastGood)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"render\" data-version=\"{current.Version}\" data-state=\"{(current.Succeeded ? "ok" : "error")}\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(options.DefinitionPath)} · render {current.Version} at {current.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC in {current.Took.TotalMilliseconds:0} ms</p>");
        if (current.Succeeded)
        {
            Diagnostics(html, current.Diagnostics);
            Render(html, current);
        }
        else
        {
            html.Append("<div class=\"split\"><section id=\"error\" class=\"error\"><h2>This save does not render</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"failure\">{E(current.Failure!)}</p>");
            Diagnostics(html, current.Diagnostics);
            html.Append("</section><section id=\"last-good\" class=\"last-good\">");
            if (lastGood is null)
            {
                html.Append("<h2>No good render yet</h2><p>Fix the problem and save: the page updates itself.</p>");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2>Last good render ({lastGood.Version}, {lastGood.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC)</h2>");
                Render(html, lastGood);
            }

            html.Append("</section></div>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    private static void Diagnostics(StringBuilder html, IReadOnlyList<ShownDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"diagnostics\"><h2>Diagnostics</h2><ul>");
        foreach (var d in diagnostics)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"diagnostic {(d.IsError ? "is-error" : "is-warning")}\"><code class=\"where\">{E(d.Where)}</code>: <span class=\"message\">{E(d.Message)}</span>");
            if (d.Line is { } line)
            {
                var caret = d.Column > 0 ? new string(' ', Math.Min(d.Column - 1, line.Length)) + "^" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<pre class=\"source\">{E(line)}\n{caret}</pre>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private void Render(StringBuilder html, PreviewRender render)
    {
        var report = render.Report!;
        if (report.Warnings.Count > 0)
        {
            html.Append("<section class=\"warnings\"><h2>Warnings of the run</h2><ul>");
            foreach (var warning in report.Warnings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"warning\">{E(warning)}</li>");
            }

            html.Append("</ul></section>");
        }

        Summary(html, report);
        foreach (var output in render.Outputs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"output\" data-format=\"{output.Output.Format.ToString().ToLowerInvariant()}\"><h2>{E(output.Output.Format.ToString().ToUpperInvariant())} · {E(output.Output.File)} <small>{output.Bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes</small></h2>");
            switch (output.Output.Format)
            {
                case OutputFormat.Html:
                    // No allow-scripts, no allow-same-origin: the template's HTML cannot script or reach the preview.
                    html.Append(CultureInfo.InvariantCulture, $"<iframe class=\"html-output\" sandbox=\"\" title=\"{E(output.Output.File)}\" srcdoc=\"{E(Encoding.UTF8.GetString(output.Bytes))}\"></iframe>");
                    break;
                case OutputFormat.Pdf:
                    html.Append(pdf.Available
                        ? string.Create(CultureInfo.InvariantCulture, $"<div class=\"pdf-pages\" data-src=\"/pdf/{render.Version}/{output.Index}\">drawing pages…</div>")
                        : "<p class=\"note\">PDF pages are drawn with pdftoppm, which is not installed here (apt-get install poppler-utils).</p>");
                    break;
                case OutputFormat.Xlsx:
                    foreach (var sheet in XlsxTables.Read(output.Bytes, options.MaxRows))
                    {
                        Table(html, sheet, "sheet");
                    }

                    break;
                case OutputFormat.Csv:
                    Table(html, CsvTable.Read(output.Output.File, output.Bytes, options.MaxRows), "csv");
                    break;
            }

            html.Append("</section>");
        }
    }

    private static void Summary(StringBuilder html, Report report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"summary\"><h2>{E(report.Title)}</h2><div class=\"kpis\">");
        foreach (var dataset in report.Datasets)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kpi\"><b>{dataset.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)}</b><span>{E(dataset.Name)} rows</span></div>");
        }

        html.Append("</div><div class=\"charts\">");
        foreach (var chart in ReportCharts.For(report))
        {
            // As an image: the SVG's text (account names) can never become markup of this page.
            var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.ToSvg(420, 240)));
            html.Append(CultureInfo.InvariantCulture, $"<img class=\"chart\" alt=\"{E(chart.Title)}\" src=\"data:image/svg+xml;base64,{svg}\">");
        }

        html.Append("</div></section>");
    }

    private static void Table(StringBuilder html, ShownTable table, string kind)
    {
        var shown = Math.Max(0, table.Rows.Count - 1);
        html.Append(CultureInfo.InvariantCulture, $"<details open class=\"{kind}\"><summary>{E(table.Name)} <small>{shown.ToString(CultureInfo.InvariantCulture)} of {Math.Max(0, table.TotalRows - 1).ToString(CultureInfo.InvariantCulture)} rows</small></summary><div class=\"scroll\"><table>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var style = cell.Background is { } bg ? $" style=\"background:{E(bg)}\"" : string.Empty;
                var cls = (cell.Bold ? "b " : string.Empty) + (cell.Numeric ? "n" : string.Empty);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{cls.Trim()}\"{style}>{E(cell.Text)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div></details>");
    }

    /// <summary>Escapes text for element content and double-quoted attributes.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
