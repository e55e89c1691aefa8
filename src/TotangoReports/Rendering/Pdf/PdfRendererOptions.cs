using System.Globalization;

namespace TotangoReports.Rendering.Pdf;

/// <summary>Layout knobs of the PDF renderer. Every size is in PDF points (1/72 inch). The defaults suit an exec report.</summary>
public sealed class PdfRendererOptions
{
    /// <summary>Page margin on all four sides. Default 36 pt (half an inch); 0–144.</summary>
    public float Margin { get; init; } = 36f;

    /// <summary>Table text size. Default 8 pt; 5–14.</summary>
    public float BodyFontSize { get; init; } = 8f;

    /// <summary>
    /// A table too wide for a landscape page at <see cref="BodyFontSize"/> shrinks its type down to this before its
    /// remaining columns are carried onto following pages. Default 7 pt; 5–14 (never above <see cref="BodyFontSize"/>).
    /// </summary>
    public float MinBodyFontSize { get; init; } = 7f;

    /// <summary>No column is sized wider than this from its content (longer text wraps). Default 200 pt.</summary>
    public float MaxColumnWidth { get; init; } = 200f;

    /// <summary>No column is squeezed narrower than this while there is room. Default 28 pt; at most <see cref="MaxColumnWidth"/>.</summary>
    public float MinColumnWidth { get; init; } = 28f;

    /// <summary>
    /// Columns whose widest cell fits in this width are never squeezed below it (dates and numbers stay on one line);
    /// wider text columns give up room first. Default 100 pt; from <see cref="MinColumnWidth"/> to <see cref="MaxColumnWidth"/>.
    /// </summary>
    public float ShortColumnWidth { get; init; } = 100f;

    /// <summary>Turn a dataset's pages to landscape when its table does not fit portrait. Default true.</summary>
    public bool AllowLandscape { get; init; } = true;

    /// <summary>Draw the KPI tiles on the first page. Default true.</summary>
    public bool IncludeKpis { get; init; } = true;

    /// <summary>Draw the report charts (as vectors) on the first page. Default true.</summary>
    public bool IncludeCharts { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the option when a value is out of range.</summary>
    public void Validate()
    {
        Check(Margin is >= 0 and <= 144, nameof(Margin), Margin, "0–144 pt");
        Check(BodyFontSize is >= 5 and <= 14, nameof(BodyFontSize), BodyFontSize, "5–14 pt");
        Check(MinBodyFontSize is >= 5 and <= 14, nameof(MinBodyFontSize), MinBodyFontSize, "5–14 pt");
        Check(MinColumnWidth is >= 8 and <= 400, nameof(MinColumnWidth), MinColumnWidth, "8–400 pt");
        Check(ShortColumnWidth >= MinColumnWidth && ShortColumnWidth <= MaxColumnWidth, nameof(ShortColumnWidth), ShortColumnWidth, string.Create(CultureInfo.InvariantCulture, $"{MinColumnWidth}–{MaxColumnWidth} pt"));
        Check(MaxColumnWidth >= MinColumnWidth && MaxColumnWidth <= 1000, nameof(MaxColumnWidth), MaxColumnWidth, string.Create(CultureInfo.InvariantCulture, $"{MinColumnWidth}–1000 pt"));
    }

    private static void Check(bool ok, string name, float value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"PdfRendererOptions.{name} must be {range}.");
        }
    }
}
