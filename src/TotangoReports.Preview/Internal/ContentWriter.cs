using System.Globalization;
using System.Text;
using static TotangoReports.Preview.Internal.Html;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// The page's content for the newest render: its status, its diagnostics, and either its outputs or (when it
/// failed) the error beside the last good render's outputs. Every value shown is escaped (<see cref="Html.E"/>).
/// </summary>
internal sealed class ContentWriter(PreviewOptions options)
{
    public string Write(PreviewRender current, PreviewRender? lastGood)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"render\" data-version=\"{current.Version}\" data-state=\"{(current.Succeeded ? "ok" : "error")}\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(options.DefinitionPath)} · render {current.Version} at {current.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC in {current.Took.TotalMilliseconds:0} ms</p>");
        if (current.Succeeded)
        {
            Diagnostics(html, current.Diagnostics);
            html.Append(current.Shown);
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
                html.Append(lastGood.Shown);
            }

            html.Append("</section></div>");
        }

        return html.Append("</div>").ToString();
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
}
