using System.Globalization;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A compact take on the Unicode Bidirectional Algorithm (UAX #9) for single paragraphs without explicit
/// embeddings: strong types, W1/W2/W7 for marks and numbers, N1/N2 for neutrals, I1/I2 levels, L2 reordering.
/// That covers what report cells hold (Hebrew or Arabic names with digits and punctuation, mixed with Latin).
/// </summary>
internal static class Bidi
{
    public static BidiClass Classify(char c)
    {
        if (c < 0x80)
        {
            if (c is >= '0' and <= '9')
            {
                return BidiClass.EuropeanNumber;
            }

            return char.IsAsciiLetter(c) ? BidiClass.LeftToRight : BidiClass.Neutral;
        }

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return BidiClass.NonSpacingMark;
        }

        if (c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9'))
        {
            return BidiClass.ArabicNumber;
        }

        if (c is (>= '\u0590' and <= '\u05FF') or (>= '\u07C0' and <= '\u085F') or (>= '\uFB1D' and <= '\uFB4F'))
        {
            return BidiClass.RightToLeft;
        }

        if (c is (>= '\u0600' and <= '\u07BF') or (>= '\u0860' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
        {
            return BidiClass.ArabicLetter;
        }

        if (char.IsSurrogate(c))
        {
            return BidiClass.LeftToRight;
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.LetterNumber => BidiClass.LeftToRight,
            UnicodeCategory.DecimalDigitNumber => BidiClass.EuropeanNumber,
            _ => BidiClass.Neutral,
        };
    }

    /// <summary>True when the text holds any right-to-left character (the fast path skips bidi otherwise).</summary>
    public static bool HasRightToLeft(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0590' && Classify(c) is BidiClass.RightToLeft or BidiClass.ArabicLetter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Embedding level per UTF-16 unit (even = left-to-right) for one paragraph.</summary>
    public static byte[] ResolveLevels(ReadOnlySpan<char> text, out byte paragraphLevel)
    {
        var types = new BidiClass[text.Length];
        paragraphLevel = 0;
        var foundStrong = false;
        for (var i = 0; i < text.Length; i++)
        {
            types[i] = Classify(text[i]);
            if (!foundStrong && types[i] is BidiClass.LeftToRight or BidiClass.RightToLeft or BidiClass.ArabicLetter)
            {
                paragraphLevel = types[i] == BidiClass.LeftToRight ? (byte)0 : (byte)1;
                foundStrong = true;
            }
        }

        var embedding = paragraphLevel == 0 ? BidiClass.LeftToRight : BidiClass.RightToLeft;

        // W1: marks take the type of what they sit on. W2/W7: numbers follow the last strong type.
        var lastStrong = embedding;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == BidiClass.NonSpacingMark)
            {
                types[i] = i == 0 ? BidiClass.Neutral : types[i - 1];
            }

            switch (types[i])
            {
                case BidiClass.LeftToRight or BidiClass.RightToLeft or BidiClass.ArabicLetter:
                    lastStrong = types[i];
                    break;
                case BidiClass.EuropeanNumber when lastStrong == BidiClass.ArabicLetter:
                    types[i] = BidiClass.ArabicNumber;
                    break;
                case BidiClass.EuropeanNumber when lastStrong == BidiClass.LeftToRight:
                    types[i] = BidiClass.LeftToRight;
                    break;
            }
        }

        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == BidiClass.ArabicLetter)
            {
                types[i] = BidiClass.RightToLeft;
            }
        }

        // N1/N2: a run of neutrals between two sides of the same direction takes it; otherwise the paragraph's.
        var index = 0;
        while (index < types.Length)
        {
            if (types[index] != BidiClass.Neutral)
            {
                index++;
                continue;
            }

            var end = index;
            while (end < types.Length && types[end] == BidiClass.Neutral)
            {
                end++;
            }

            var before = index == 0 ? embedding : Direction(types[index - 1]);
            var after = end == types.Length ? embedding : Direction(types[end]);
            var resolved = before == after ? before : embedding;
            for (var k = index; k < end; k++)
            {
                types[k] = resolved;
            }

            index = end;
        }

        // I1/I2.
        var levels = new byte[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            levels[i] = (paragraphLevel, types[i]) switch
            {
                (0, BidiClass.LeftToRight) => 0,
                (0, BidiClass.RightToLeft) => 1,
                (0, _) => 2,
                (_, BidiClass.RightToLeft) => 1,
                _ => 2,
            };
        }

        // L1: trailing whitespace goes back to the paragraph level.
        for (var i = text.Length - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
        {
            levels[i] = paragraphLevel;
        }

        return levels;
    }

    /// <summary>L2: the visual order of runs given their levels (reverse every sequence at or above each odd level).</summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = new int[runLevels.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (order.Length < 2)
        {
            return order;
        }

        var highest = runLevels.Max();
        var lowestOdd = runLevels.Where(l => (l & 1) == 1).DefaultIfEmpty((byte)(highest + 1)).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            var i = 0;
            while (i < order.Length)
            {
                if (runLevels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < order.Length && runLevels[order[end]] >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        return order;
    }

    /// <summary>
    /// The string reordered for drawing left to right by something that does no bidi of its own (chart labels):
    /// right-to-left runs reversed, brackets in them mirrored. Left-to-right text is returned unchanged.
    /// </summary>
    public static string ToVisualOrder(string text)
    {
        if (!HasRightToLeft(text))
        {
            return text;
        }

        var levels = ResolveLevels(text, out _);
        var order = VisualOrder(levels);
        var chars = new char[text.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var c = text[order[i]];
            chars[i] = (levels[order[i]] & 1) == 1 ? Mirror(c) : c;
        }

        // Reversal swaps the halves of surrogate pairs; put them back.
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            if (char.IsLowSurrogate(chars[i]) && char.IsHighSurrogate(chars[i + 1]))
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                i++;
            }
        }

        return new string(chars);
    }

    private static char Mirror(char c) => c switch
    {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    };

    private static BidiClass Direction(BidiClass type) =>
        type == BidiClass.LeftToRight ? BidiClass.LeftToRight : BidiClass.RightToLeft;
}
