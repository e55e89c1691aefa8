namespace TotangoReports.Rendering.Html;

/// <summary>How a template's <c>chart.html</c> draws a chart.</summary>
public enum HtmlChartMode
{
    /// <summary>An inline <c>&lt;svg&gt;</c>: the saved file is self-contained.</summary>
    Svg,

    /// <summary>
    /// An <c>&lt;img src="cid:…"&gt;</c> referring to a MIME part (see <see cref="HtmlRenderer.ChartContentId"/>):
    /// mail clients that drop inline SVG still show the chart when delivery attaches the PNG under that id.
    /// </summary>
    CidImages,
}
