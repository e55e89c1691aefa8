namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Markup that is already safe to emit: the result of <c>raw</c>, of <c>include</c> and of the helpers that
/// draw (charts, sparklines). The template context writes it verbatim; everything else is escaped, so a value
/// is escaped exactly once however it travels through pipelines and partials.
/// </summary>
internal sealed class RawHtml(string html)
{
    public static readonly RawHtml Empty = new(string.Empty);

    public string Html { get; } = html;

    public override string ToString() => Html;
}
