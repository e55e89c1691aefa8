using System.Text;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Wraps text into lines no wider than a limit: at spaces and after hyphens and slashes, between CJK characters,
/// and inside a token only when the token alone is wider than the line. Hard line breaks are kept. With
/// <c>wordsOnly</c> (column headers) a line breaks at spaces alone, so "account-id" never becomes "account-" / "id".
/// </summary>
internal static class LineBreaker
{
    public static IReadOnlyList<TextLine> Wrap(TextShaper shaper, string text, TextStyle style, float maxWidth, bool wordsOnly = false)
    {
        if (text.Length == 0)
        {
            return [TextLine.Empty];
        }

        if (text.IndexOf('\n', StringComparison.Ordinal) < 0 && text.IndexOf('\r', StringComparison.Ordinal) < 0)
        {
            var whole = shaper.Shape(text, style);
            if (whole.Width <= maxWidth)
            {
                return [whole];
            }

            var lines = new List<TextLine>();
            WrapParagraph(shaper, text, style, maxWidth, lines, wordsOnly);
            return lines;
        }

        var result = new List<TextLine>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var shaped = shaper.Shape(paragraph, style);
            if (shaped.Width <= maxWidth)
            {
                result.Add(shaped);
            }
            else
            {
                WrapParagraph(shaper, paragraph, style, maxWidth, result, wordsOnly);
            }
        }

        return result;
    }

    private static void WrapParagraph(TextShaper shaper, string text, TextStyle style, float maxWidth, List<TextLine> lines, bool wordsOnly)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var segment in Segments(text, wordsOnly))
        {
            var width = shaper.Measure(segment, style);
            var visibleWidth = shaper.Measure(segment.TrimEnd(), style);
            if (lineWidth + visibleWidth <= maxWidth)
            {
                line.Append(segment);
                lineWidth += width;
                continue;
            }

            if (line.Length > 0)
            {
                Flush(shaper, line, style, lines);
                lineWidth = 0;
            }

            if (visibleWidth <= maxWidth)
            {
                line.Append(segment);
                lineWidth = width;
                continue;
            }

            // A token wider than the line: break between characters (never inside a surrogate pair or before a mark).
            foreach (var piece in Graphemes(segment))
            {
                var pieceWidth = shaper.Measure(piece, style);
                if (line.Length > 0 && lineWidth + pieceWidth > maxWidth && !string.IsNullOrWhiteSpace(piece))
                {
                    Flush(shaper, line, style, lines);
                    lineWidth = 0;
                }

                line.Append(piece);
                lineWidth += pieceWidth;
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            Flush(shaper, line, style, lines);
        }
    }

    private static void Flush(TextShaper shaper, StringBuilder line, TextStyle style, List<TextLine> lines)
    {
        lines.Add(shaper.Shape(line.ToString().TrimEnd(), style));
        line.Clear();
    }

    /// <summary>Break opportunities: after a run of spaces, after '-' or '/', and around each CJK character.</summary>
    internal static IEnumerable<string> Segments(string text, bool wordsOnly = false)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsCjk(c) && !wordsOnly)
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                var end = i + 1;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                yield return text[i..end];
                start = end;
                i = end - 1;
                continue;
            }

            // After a hyphen only between letters ("create-task"), so dates and negative numbers hold together.
            var hyphen = c == '-' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
            var breakAfter = (!wordsOnly && (hyphen || c == '/')) || (char.IsWhiteSpace(c) && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])));
            if (breakAfter)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static IEnumerable<string> Graphemes(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && (char.IsLowSurrogate(text[i]) || Bidi.Classify(text[i]) == BidiClass.NonSpacingMark))
            {
                continue;
            }

            yield return text[start..i];
            start = i;
        }
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
}
