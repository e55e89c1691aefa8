using SkiaSharp;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A report laid out into pages (pass one), drawable page by page onto any canvas (pass two): a PDF page, or a
/// raster surface for the visual regression test, with the very same drawing code.
/// </summary>
internal sealed class PdfDocumentLayout : IDisposable
{
    private readonly TextShaper _shaper;
    private readonly SKImage? _logo;
    private readonly PageChrome _chrome;
    private readonly DrawContext _context;

    private PdfDocumentLayout(TextShaper shaper, SKImage? logo, List<LayoutPage> pages, PageChrome chrome, bool subsetFonts)
    {
        _shaper = shaper;
        _logo = logo;
        Pages = pages;
        _chrome = chrome;
        chrome.RecordUsage();
        _context = DrawContext.Create(shaper.Fonts, shaper.Usage, subsetFonts);
    }

    public IReadOnlyList<LayoutPage> Pages { get; }

    public static PdfDocumentLayout Create(Report report, OutputDefinition output, PdfRendererOptions options, bool subsetFonts = true)
    {
        var shaper = new TextShaper(PdfFonts.Shared);
        SKImage? logo = null;
        try
        {
            logo = LoadLogo(report, output);
            var pages = new DocumentComposer(report, output, options, shaper).Compose();
            return new PdfDocumentLayout(shaper, logo, pages, new PageChrome(report, shaper, logo), subsetFonts);
        }
        catch
        {
            logo?.Dispose();
            shaper.Dispose();
            throw;
        }
    }

    public void DrawPage(int index, SKCanvas canvas)
    {
        var page = Pages[index];
        canvas.Clear(SKColors.White);
        foreach (var element in page.Elements)
        {
            element.Draw(canvas, _context);
        }

        _chrome.Draw(canvas, _context, page.Geometry, index + 1, Pages.Count);
    }

    public void Dispose()
    {
        _context.Dispose();
        _logo?.Dispose();
        _shaper.Dispose();
    }

    private static SKImage? LoadLogo(Report report, OutputDefinition output)
    {
        if (string.IsNullOrWhiteSpace(output.Logo))
        {
            return null;
        }

        var where = output.Location.File is null ? report.Definition.SourcePath : output.Location.ToString();
        var path = Path.GetFullPath(Path.Combine(report.Definition.BaseDirectory, output.Logo));
        if (!File.Exists(path))
        {
            throw new RenderException($"{where}: pdf logo '{output.Logo}' not found (looked for {path}). Fix the path (relative to the definition) or remove 'logo'.");
        }

        var image = SKImage.FromEncodedData(path);
        return image ?? throw new RenderException($"{where}: pdf logo '{output.Logo}' is not a PNG, JPEG, GIF, BMP or WebP image Skia can read.");
    }
}
