using System.Globalization;
using System.Text;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// Turns dataset names into legal, unique worksheet names: at most 31 characters, none of <c>[]:*?/\</c>, no leading or
/// trailing apostrophe, not empty, not Excel's reserved <c>History</c>; repeats become <c>name (2)</c>.
/// Excel compares sheet names case-insensitively, so uniqueness does too.
/// </summary>
internal sealed class SheetNameRegistry
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Reserve(string desired)
    {
        var name = Sanitise(desired);
        if (_used.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            var candidate = Truncate(name, MaxLength - suffix.Length).TrimEnd() + suffix;
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    public static string Sanitise(string desired)
    {
        var builder = new StringBuilder(desired.Length);
        foreach (var c in desired)
        {
            builder.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c);
        }

        var name = Truncate(builder.ToString().Trim().Trim('\''), MaxLength).Trim().Trim('\'');
        if (name.Length == 0)
        {
            return "Sheet";
        }

        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? name + "_" : name;
    }

    // Never cut a surrogate pair in half: the name must stay valid UTF-16.
    private static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }
}
