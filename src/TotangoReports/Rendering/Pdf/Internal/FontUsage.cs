namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>The glyphs and characters a document uses, per face: what its embedded font subsets must hold.</summary>
internal sealed class FontUsage
{
    private readonly Dictionary<FontFace, (HashSet<int> Glyphs, HashSet<int> Codepoints)> _used = [];

    public IEnumerable<FontFace> Faces => _used.Keys;

    public void AddGlyphs(FontFace face, ReadOnlySpan<ushort> glyphs)
    {
        var sets = Get(face);
        foreach (var glyph in glyphs)
        {
            sets.Glyphs.Add(glyph);
        }
    }

    public void AddText(FontFace face, string text)
    {
        var sets = Get(face);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sets.Codepoints.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                sets.Codepoints.Add(text[i]);
            }
        }
    }

    public IReadOnlyCollection<int> Glyphs(FontFace face) => Get(face).Glyphs;

    public IReadOnlyCollection<int> Codepoints(FontFace face) => Get(face).Codepoints;

    private (HashSet<int> Glyphs, HashSet<int> Codepoints) Get(FontFace face)
    {
        if (!_used.TryGetValue(face, out var sets))
        {
            sets = ([], []);
            _used[face] = sets;
        }

        return sets;
    }
}
