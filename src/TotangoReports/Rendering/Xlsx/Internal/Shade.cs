namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>The traffic-light fill of a Health or Score cell.</summary>
internal enum Shade
{
    None,
    Good,
    Average,
    Poor,
}
