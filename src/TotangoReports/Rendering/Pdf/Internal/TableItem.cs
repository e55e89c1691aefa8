namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>What the paginator needs to know of one table row or band: how many text lines it holds.</summary>
/// <param name="KeepWithNext">A group heading: never left alone at the bottom of a page.</param>
internal readonly record struct TableItem(int Lines, bool KeepWithNext = false);
