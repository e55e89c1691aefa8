using System.Security.Cryptography;
using System.Text;

namespace TotangoReports.Delivery;

/// <summary>
/// The folder each burst value's files go to, inside <c>--out</c>. Values are untrusted text (a CRM attribute): a folder
/// name keeps letters and digits, turns everything else into '-', never is a name Windows reserves (CON, NUL, COM1…),
/// never starts with '.', and is at most <see cref="MaxLength"/> characters. When two values would meet in one
/// folder (on a case-insensitive disk too), or a name was cut or emptied, a short hash of the value keeps it distinct.
/// </summary>
internal static class BurstFolders
{
    public const int MaxLength = 60;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>One distinct folder name per value.</summary>
    /// <param name="taken">Names already used in the output folder (the roll-up's files), compared ignoring case.</param>
    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyCollection<string> values, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var plain = values.Distinct(StringComparer.Ordinal).Select(v => (Value: v, Name: Sanitise(v, out var changed), Changed: changed)).ToList();
        var counts = plain.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, name, changed) in plain)
        {
            var folder = name;
            if (changed || counts[name] > 1 || used.Contains(name))
            {
                for (var length = 8; length <= 64; length += 8)
                {
                    folder = (name.Length == 0 ? "value" : name) + "-" + Hash(value)[..length];
                    if (!used.Contains(folder))
                    {
                        break;
                    }
                }
            }

            used.Add(folder);
            result[value] = folder;
        }

        return result;
    }

    /// <summary>
    /// A burst file's name made from its value (<c>{{ burst.value }}.csv</c>) kept inside the value's folder and
    /// writable: '.' and '..' segments become '_', and a segment longer than <see cref="MaxFileNameBytes"/> is cut,
    /// keeping its extension, with a short hash of the whole segment so two long names stay apart. Measured in UTF-8
    /// bytes, as disks count them (255 at most, and the staged file's name adds its own suffix).
    /// </summary>
    public static string SafeFileName(string name) =>
        string.Join('/', name.Split('/', '\\').Select(part => part switch
        {
            "." or ".." => "_",
            _ when Encoding.UTF8.GetByteCount(part) > MaxFileNameBytes => Cut(part),
            _ => part,
        }));

    public const int MaxFileNameBytes = 150;

    private static string Cut(string part)
    {
        var extension = Path.GetExtension(part) is { Length: > 0 and <= 10 } e ? e : string.Empty;
        var suffix = "-" + Hash(part)[..8] + extension;
        var stem = part[..^extension.Length];
        while (stem.Length > 0 && Encoding.UTF8.GetByteCount(stem) + suffix.Length > MaxFileNameBytes)
        {
            stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)];
        }

        return stem + suffix;
    }

    /// <summary>Letters and digits kept, every other run of characters one '-', trimmed and cut; <paramref name="changed"/> when cut, emptied or reserved.</summary>
    internal static string Sanitise(string value, out bool changed)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength));
        var dash = false;
        foreach (var rune in value.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(rune.ToString());
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var name = builder.ToString().Trim('-');
        changed = name.Length == 0 || Reserved.Contains(name);
        if (name.Length > MaxLength)
        {
            // Cut on a character boundary (never between a surrogate pair).
            var cut = MaxLength;
            if (char.IsHighSurrogate(name[cut - 1]))
            {
                cut--;
            }

            name = name[..cut].TrimEnd('-');
            changed = true;
        }

        return Reserved.Contains(name) ? "_" + name : name;
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
