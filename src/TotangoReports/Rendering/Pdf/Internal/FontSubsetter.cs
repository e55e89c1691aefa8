using System.Runtime.InteropServices;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Cuts a shipped font down to the glyphs a document uses, with HarfBuzz's subsetter (in the HarfBuzzSharp native
/// library, not wrapped by its managed API). Skia's PDF backend as built for SkiaSharp embeds fonts whole — 4 MB for
/// the CJK face — so we hand it a subset instead. Glyph ids are retained, so shaped runs stay valid as they are.
/// </summary>
internal static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // hb_subset_flags_t: NO_HINTING (we draw unhinted), RETAIN_GIDS, NOTDEF_OUTLINE (a missing glyph stays a visible box).
    private const uint Flags = 0x1 | 0x2 | 0x8 | 0x40;

    /// <summary>The subset font file, or null when HarfBuzz refuses (the caller then embeds the whole font).</summary>
    public static byte[]? Subset(FontFace face, IEnumerable<int> glyphs, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            hb_subset_input_set_flags(input, Flags);
            var glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, (uint)glyph);
            }

            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                hb_set_add(unicodeSet, (uint)codepoint);
            }

            var subset = hb_subset_or_fail(face.HarfBuzzFace.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var result = hb_face_reference_blob(subset);
                try
                {
                    var length = (int)hb_blob_get_length(result);
                    var data = hb_blob_get_data(result, IntPtr.Zero);
                    if (length == 0 || data == IntPtr.Zero)
                    {
                        return null;
                    }

                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(result);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern uint hb_blob_get_length(IntPtr blob);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, IntPtr length);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);
}
