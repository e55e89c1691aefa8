namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>Everything that makes two cell styles differ; equal keys share one workbook style.</summary>
internal readonly record struct CellStyleKey(
    string? Format = null,
    Shade Shade = Shade.None,
    bool Wrap = false,
    bool Link = false,
    bool Bold = false,
    double? FontSize = null,
    System.Drawing.Color? FontColor = null);
