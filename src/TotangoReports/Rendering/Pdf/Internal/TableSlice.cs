namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// The part of one table item drawn on one page: lines [<see cref="FirstLine"/>, +<see cref="LineCount"/>).
/// A whole item has FirstLine 0 and all its lines; only an item taller than a page is cut, at a line boundary,
/// and then every piece but the last <see cref="Continues"/> (a marker line says so under it).
/// </summary>
internal readonly record struct TableSlice(int Item, int FirstLine, int LineCount, bool Continues);
