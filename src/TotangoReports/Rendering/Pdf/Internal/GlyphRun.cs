namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Shaped glyphs of one font and one direction, already in visual order, with the logical text they came from
/// (UTF-8 and cluster offsets) so the PDF maps glyphs back to the original characters for copy and search.
/// </summary>
/// <param name="X">Glyph origins relative to the run start.</param>
/// <param name="Y">Glyph baseline offsets (positive = down).</param>
/// <param name="Nominal">
/// Each glyph is the font's own glyph for exactly one character (no ligature, no contextual form), so the font's
/// character map alone tells a PDF reader the text; the run can then be written without its text and clusters.
/// </param>
internal sealed record GlyphRun(FontFace Face, float Size, ushort[] Glyphs, float[] X, float[] Y, float Width, byte[] Utf8, uint[] Clusters, bool Nominal);
