using System.Globalization;
using System.Text;

namespace TotangoReports.Tests.Hostile;

/// <summary>Seeded, deterministic mutations of a definition's text: the shapes a hand-edited YAML file goes wrong in, and a few attacks.</summary>
internal static class DefinitionMutator
{
    private static readonly string[] Values =
    [
        "[1, 2]", "{ a: 1 }", "true", "null", "~", "-1", "0", "1e400", "-1e400", "99999999999999999999999999999999",
        "9223372036854775808", "NaN", ".inf", "-.inf", "''", "\"\"", "\"\\u0000\"", "\"\\t\\r\\n\"", "!!binary AAAA",
        "!!timestamp 2001-12-14", "!custom x", "*undefined_alias", "&a x", "|\n  block", ">-", "@", "`", "%", "?",
        "\"{{ 6 * 7 }}\"", "'../../../../etc/passwd'", "/dev/zero", "C:\\\\con", "\"\\uD800\"", "0x7FFFFFFF", "0o777",
        new string('9', 5000), new string('a', 100_000),
    ];

    private static readonly string[] Noise =
    [
        "\u0000", "\u0007", "\u001b[31m", "\u202E", "\uFEFF", "\u00A0", "\u200B", "😀", "\t", "\r", "\u2028", "\u0085",
        "Ω", "𝔘𝔫𝔦", "\\", "\"", "'", ":", "- ", "#", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">",
    ];

    public static string Mutate(string text, Random random)
    {
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            text = MutateOnce(text, random);
        }

        return text;
    }

    private static string MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(14))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
                lines[at] = ReplaceValue(lines[at], Values[random.Next(Values.Length)], random);
                break;
            case 3:
                var other = lines[random.Next(lines.Count)];
                (lines[at], lines[random.Next(lines.Count)]) = (other, lines[at]);
                break;
            case 4:
                lines[at] = InsertAt(lines[at], Noise[random.Next(Noise.Length)], random);
                break;
            case 5:
                lines[at] = ReplaceValue(lines[at], Nesting(random), random);
                break;
            case 6:
                return Laughs(random) + (random.Next(2) == 0 ? string.Empty : "\n" + text);
            case 7:
                lines[at] = ReplaceValue(lines[at], "&anchor " + Values[random.Next(Values.Length)], random);
                lines.Insert(random.Next(lines.Count), lines[at].Replace("&anchor", "*anchor", StringComparison.Ordinal));
                break;
            case 8:
                return text[..random.Next(text.Length + 1)];
            case 9:
                lines[at] = random.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                break;
            case 10:
                lines[at] = ReplaceValue(lines[at], (random.NextDouble() * Math.Pow(10, random.Next(-30, 320))).ToString("R", CultureInfo.InvariantCulture), random);
                break;
            case 11:
                lines.Insert(at, "<<: *" + "x" + random.Next(3).ToString(CultureInfo.InvariantCulture));
                break;
            case 12:
                var chars = lines[at].ToCharArray();
                if (chars.Length > 0)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                }

                lines[at] = new string(chars);
                break;
            default:
                lines.Insert(at, lines[random.Next(lines.Count)] + " " + lines[random.Next(lines.Count)]);
                break;
        }

        return string.Join('\n', lines);
    }

    private static string ReplaceValue(string line, string value, Random random)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return InsertAt(line, value, random);
        }

        var end = line.IndexOfAny([',', '}'], colon);
        return end > 0 && random.Next(2) == 0
            ? line[..(colon + 2)] + value + line[end..]
            : line[..(colon + 2)] + value;
    }

    private static string InsertAt(string line, string noise, Random random) => line.Insert(random.Next(line.Length + 1), noise);

    private static string Nesting(Random random)
    {
        var depth = random.Next(2) == 0 ? 200 : 10_000;
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
    }

    /// <summary>The "billion laughs": nine levels of aliases, each ten times the one before.</summary>
    private static string Laughs(Random random)
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var levels = 5 + random.Next(5);
        for (var i = 1; i < levels; i++)
        {
            var name = (char)('a' + i);
            var previous = (char)('a' + i - 1);
            text.Append(CultureInfo.InvariantCulture, $"{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n");
        }

        var last = (char)('a' + levels - 1);
        text.Append(CultureInfo.InvariantCulture, $"title: *{last}\ndescription: *{last}\n");
        return text.ToString();
    }
}
