using System.Reflection;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// The fonts shipped inside the library (never system fonts, so every machine renders the same document):
/// DejaVu Sans regular and bold for Latin, Greek, Cyrillic, Hebrew and Arabic; Droid Sans Fallback for CJK.
/// Loaded once per process and shared; they are immutable after loading.
/// </summary>
internal sealed class PdfFonts
{
    private static readonly Lazy<PdfFonts> SharedInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private PdfFonts(FontFace regular, FontFace bold, FontFace fallback)
    {
        Regular = regular;
        Bold = bold;
        Fallback = fallback;
    }

    public static PdfFonts Shared => SharedInstance.Value;

    public FontFace Regular { get; }

    public FontFace Bold { get; }

    /// <summary>For characters the main faces lack (CJK); it has no bold cut.</summary>
    public FontFace Fallback { get; }

    public FontFace Main(bool bold) => bold ? Bold : Regular;

    private static PdfFonts Load()
    {
        var fonts = new PdfFonts(
            new FontFace("DejaVu Sans", ReadResource("DejaVuSans.ttf")),
            new FontFace("DejaVu Sans Bold", ReadResource("DejaVuSans-Bold.ttf")),
            new FontFace("Droid Sans Fallback", ReadResource("DroidSansFallbackFull.ttf")));
        EmbeddedFontResolver.Register(fonts);
        return fonts;
    }

    private static byte[] ReadResource(string file)
    {
        var name = "pdf-fonts/" + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font resource '{name}' is missing from the library build.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}
