namespace TotangoReports.Definition.Internal;

/// <summary>"Did you mean" hints: the closest candidate by Damerau-Levenshtein distance, if close enough to be a typo.</summary>
internal static class Suggestions
{
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyCollection<string> ?? [.. candidates];
        string? best = null;
        var bestDistance = int.MaxValue;

        // Short words tolerate one slip, longer ones about a third of their letters.
        var allowed = Math.Max(1, Math.Min(3, text.Length / 3));
        var upper = text.ToUpperInvariant();
        foreach (var candidate in list)
        {
            // The distance is at least the length difference: skipping those keeps a 100,000-character value from
            // costing a length x length matrix per candidate (gigabytes for a timezone against every zone id).
            if (Math.Abs(candidate.Length - text.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        if (best is not null && bestDistance <= allowed)
        {
            return best;
        }

        // An abbreviation ("desc" for "description") is a typo of another kind.
        return text.Length >= 3 ? list.FirstOrDefault(c => c.StartsWith(text, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>" — did you mean 'x'?" or empty.</summary>
    public static string Hint(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } s ? $" — did you mean '{s}'?" : string.Empty;

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
