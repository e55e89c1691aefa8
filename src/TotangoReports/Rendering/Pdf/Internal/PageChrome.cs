using System.Globalization;
using SkiaSharp;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Second pass: the running header (title, logo) and footer (generation time, <c>Page x of y</c>) on every page,
/// drawn once the page count is known.
/// </summary>
internal sealed class PageChrome(Report report, TextShaper shaper, SKImage? logo)
{
    private static readonly TextStyle HeaderStyle = new(9, Bold: true);
    private static readonly TextStyle FooterStyle = new(7.5f);

    private readonly TextLine title = shaper.Shape(report.Title, HeaderStyle);
    private readonly TextLine generated = shaper.Shape(
        "Generated " + report.GeneratedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + report.TimeZone.Id,
        FooterStyle);

    private static readonly TextStyle SampleStyle = new(7.5f, Bold: true);

    // Every page of a sample report says so in its footer: a page printed or forwarded alone is still marked.
    private readonly TextLine? sample = report.IsSample ? shaper.Shape(Report.SampleMark + " — made-up accounts, not a real tenant", SampleStyle) : null;

    /// <summary>Shapes the footer's page numbers once up front, so their digits are in the font subsets.</summary>
    public void RecordUsage() => shaper.Shape("Page of 0123456789", FooterStyle);

    public void Draw(SKCanvas canvas, DrawContext context, PageGeometry geometry, int pageNumber, int pageCount)
    {
        var left = geometry.ContentLeft;
        var width = geometry.ContentWidth;
        var headerTop = geometry.Margin;
        var headerBottom = geometry.BodyTop - 8;
        var logoWidth = 0f;
        if (logo is not null)
        {
            logoWidth = Math.Min(120f, width / 4f);
            new ImageElement(logo, SKRect.Create(left + width - logoWidth, headerTop, logoWidth, headerBottom - headerTop - 2)).Draw(canvas, context);
        }

        var titleLines = new List<TextLine> { title };
        if (title.Width > width - logoWidth - 8)
        {
            titleLines = [.. LineBreaker.Wrap(shaper, report.Title, HeaderStyle, width - logoWidth - 8).Take(1)];
        }

        new TextElement(titleLines, HeaderStyle, left, headerBottom - HeaderStyle.LineHeight - 2, width - logoWidth - 8, Palette.Text).Draw(canvas, context);
        using var rule = new SKPaint { Color = Palette.Accent, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(left, headerBottom, left + width, headerBottom, rule);

        var footerTop = geometry.BodyBottom + 8;
        rule.Color = Palette.Rule;
        rule.StrokeWidth = 0.5f;
        canvas.DrawLine(left, footerTop, left + width, footerTop, rule);
        var pageText = shaper.Shape(string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} of {pageCount}"), FooterStyle);
        new TextElement([generated], FooterStyle, left, footerTop + 3, width, Palette.Muted).Draw(canvas, context);
        new TextElement([pageText], FooterStyle, left, footerTop + 3, width, Palette.Muted, TextAlign.Right).Draw(canvas, context);
        if (sample is not null)
        {
            new TextElement([sample], SampleStyle, left, footerTop + 3, width, Palette.Poor, TextAlign.Center).Draw(canvas, context);
        }
    }
}
