namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Column widths from content: each column's natural width (its widest single-line cell, capped), stretched
/// proportionally to fill the line, or shrunk towards its minimum — widest columns give up the most — when the
/// table is too wide. If even the minimums do not fit, all are scaled down alike (text then wraps by character).
/// </summary>
internal static class ColumnSizer
{
    public static float[] Fit(IReadOnlyList<float> natural, IReadOnlyList<float> minimum, float available)
    {
        var count = natural.Count;
        var widths = new float[count];
        if (count == 0)
        {
            return widths;
        }

        var total = natural.Sum();
        if (total <= available)
        {
            var stretch = total > 0 ? available / total : 0;
            for (var i = 0; i < count; i++)
            {
                widths[i] = total > 0 ? natural[i] * stretch : available / count;
            }

            return widths;
        }

        var mins = new float[count];
        var slack = 0f;
        for (var i = 0; i < count; i++)
        {
            mins[i] = Math.Min(minimum[i], natural[i]);
            slack += natural[i] - mins[i];
        }

        var deficit = total - available;
        if (slack >= deficit)
        {
            for (var i = 0; i < count; i++)
            {
                widths[i] = natural[i] - ((natural[i] - mins[i]) * deficit / slack);
            }

            return widths;
        }

        var minTotal = mins.Sum();
        for (var i = 0; i < count; i++)
        {
            widths[i] = mins[i] * available / minTotal;
        }

        return widths;
    }
}
