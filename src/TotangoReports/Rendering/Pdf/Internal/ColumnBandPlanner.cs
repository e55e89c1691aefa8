namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Splits columns into bands that each fit the line at their hard minimums. Every band after the first starts
/// with the key columns (ids, names; the first column when none is recognised) so each page says whose row it is.
/// </summary>
internal static class ColumnBandPlanner
{
    /// <returns>
    /// Per band the column indexes in drawing order (one band holding every column when they fit), and how many
    /// key columns lead each band.
    /// </returns>
    public static (List<int[]> Bands, int KeyCount) Plan(IReadOnlyList<float> hard, IReadOnlyList<bool> isKey, float available)
    {
        var count = hard.Count;
        if (count == 0 || hard.Sum() <= available)
        {
            return ([Enumerable.Range(0, count).ToArray()], 0);
        }

        // At most two key columns, and never more than half the line: the rest of the page is for the data.
        var keys = Enumerable.Range(0, count).Where(c => isKey[c]).Take(2).ToList();
        if (keys.Count == 0)
        {
            keys.Add(0);
        }

        while (keys.Count > 0 && keys.Sum(k => hard[k]) > available / 2)
        {
            keys.RemoveAt(keys.Count - 1);
        }

        var keyWidth = keys.Sum(k => hard[k]);
        var rest = Enumerable.Range(0, count).Where(c => !keys.Contains(c)).ToList();
        var greedy = Split(rest, hard, keyWidth, available, float.PositiveInfinity);

        // As many bands as filling each page takes, but balanced: 8 + 8 columns reads better than 12 + 4.
        var total = rest.Sum(c => hard[c]);
        var target = keyWidth + (total / greedy.Count);
        var balanced = Split(rest, hard, keyWidth, available, target);
        var chosen = balanced.Count <= greedy.Count ? balanced : greedy;
        var bands = chosen.Select(b => (int[])[.. keys, .. b]).ToList();
        return (bands, keys.Count);
    }

    /// <summary>
    /// Columns in order into bands; a band closes when the next column would not fit, or would end more than half
    /// of it past <paramref name="target"/>.
    /// </summary>
    private static List<List<int>> Split(List<int> columns, IReadOnlyList<float> hard, float keyWidth, float available, float target)
    {
        var bands = new List<List<int>>();
        var band = new List<int>();
        var used = keyWidth;
        foreach (var c in columns)
        {
            if (band.Count > 0 && (used + hard[c] > available || used + (hard[c] / 2) > target))
            {
                bands.Add(band);
                band = [];
                used = keyWidth;
            }

            band.Add(c);
            used += hard[c];
        }

        if (band.Count > 0 || bands.Count == 0)
        {
            bands.Add(band);
        }

        return bands;
    }
}
