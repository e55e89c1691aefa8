using System.Globalization;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;
using static TotangoReports.Preview.Internal.Html;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// How each part of a good render is shown, as HTML fragments built once per render (in parallel, right after each
/// output is rendered). Every value from the definition, the templates or the data goes through <see cref="Html.E"/>,
/// the HTML output itself included (as the <c>srcdoc</c> attribute of a sandboxed frame).
/// </summary>
internal static class OutputViews
{
    public static string Warnings(Report report)
    {
        if (report.Warnings.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section class=\"warnings\"><h2>Warnings of the run</h2><ul>");
        foreach (var warning in report.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"warning\">{E(warning)}</li>");
        }

        return html.Append("</ul></section>").ToString();
    }

    public static string Summary(Report report)
    {
        var html = new StringBuilder();
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

        return html.Append("</div></section>").ToString();
    }

    public static string Output(RenderedOutput output, PreviewOptions options)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"output\" data-format=\"{output.Output.Format.ToString().ToLowerInvariant()}\"><h2>{E(output.Output.Format.ToString().ToUpperInvariant())} · {E(output.Output.File)} <small>{output.Bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes</small></h2>");
        switch (output.Output.Format)
        {
            case OutputFormat.Html:
                // No allow-scripts, no allow-same-origin: the template's HTML cannot script or reach the preview.
                html.Append(CultureInfo.InvariantCulture, $"<iframe class=\"html-output\" sandbox=\"\" title=\"{E(output.Output.File)}\" srcdoc=\"{E(Encoding.UTF8.GetString(output.Bytes))}\"></iframe>");
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

        return html.Append("</section>").ToString();
    }

    /// <summary>A PDF, rendered after the page updates: the page fetches its pages (or its error) when ready.</summary>
    public static string LateOutput(OutputDefinition output, int index, long version, bool pdfPages)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"output\" data-format=\"{output.Format.ToString().ToLowerInvariant()}\"><h2>{E(output.Format.ToString().ToUpperInvariant())} · {E(output.File)}</h2>");
        html.Append(pdfPages
            ? string.Create(CultureInfo.InvariantCulture, $"<div class=\"pdf-pages\" data-src=\"/pdf/{version}/{index}\">drawing pages…</div>")
            : "<p class=\"note\">PDF pages are drawn with pdftoppm, which is not installed here (apt-get install poppler-utils).</p>");
        return html.Append("</section>").ToString();
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
                var cls = ((cell.Bold ? "b " : string.Empty) + (cell.Numeric ? "n" : string.Empty)).Trim();
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{cls}\"{style}>{E(cell.Text)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div></details>");
    }
}
