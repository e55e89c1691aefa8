namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>One laid-out page: its geometry and what goes in its body (the running header and footer are added when drawn).</summary>
internal sealed class LayoutPage(PageGeometry geometry)
{
    public PageGeometry Geometry { get; } = geometry;

    public List<PageElement> Elements { get; } = [];
}
