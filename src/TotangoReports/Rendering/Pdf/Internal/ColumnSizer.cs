namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Column widths from content. Each column has a natural width (its widest single-line cell, capped), a soft
/// minimum (short columns — dates, numbers — keep their natural width) and a hard minimum (its longest header word).
/// A table narrower than the line is stretched proportionally; a wider one gives up room in stages: long-text
/// columns down to their soft minimum, then down to their hard minimum, then every column down to its hard minimum,
/// and only then everything is scaled alike (text then wraps by character).
/// </summary>
internal static class ColumnSizer
{
    public static float[] Fit(IReadOnlyList<float> natural, IReadOnlyList<float> softMinimum, IReadOnlyList<float> hardMinimum, float available)
    {
        var count = natural.Count;
        if (count == 0)
        {
            return [];
        }

        var nat = natural.ToArray();
        var total = nat.Sum();
        if (total <= available)
        {
            return total > 0 ? nat.Select(w => w * available / total).ToArray() : Enumerable.Repeat(available / count, count).ToArray();
        }

        var hard = new float[count];
        var soft = new float[count];
        var longAtHard = new float[count];
        for (var i = 0; i < count; i++)
        {
            hard[i] = Math.Min(hardMinimum[i], nat[i]);
            soft[i] = Math.Clamp(softMinimum[i], hard[i], nat[i]);
            longAtHard[i] = soft[i] < nat[i] ? hard[i] : soft[i];
        }

        float[][] stages = [nat, soft, longAtHard, hard];
        for (var s = 0; s + 1 < stages.Length; s++)
        {
            var from = stages[s];
            var to = stages[s + 1];
            var fromTotal = from.Sum();
            var toTotal = to.Sum();
            if (toTotal <= available)
            {
                var share = fromTotal > toTotal ? (fromTotal - available) / (fromTotal - toTotal) : 0;
                return from.Select((w, i) => w - ((w - to[i]) * share)).ToArray();
            }
        }

        var hardTotal = hard.Sum();
        return hard.Select(w => w * available / hardTotal).ToArray();
    }
}
