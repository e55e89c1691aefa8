namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>The font family charts ask for; a family every machine with our shipped fonts resolves.</summary>
internal static class ChartFonts
{
    public static string Family { get; set; } = "DejaVu Sans";
}
