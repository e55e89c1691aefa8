namespace TotangoReports.Data.Internal;

/// <summary>One account's pivot counts, stored flat: for each activity id present, one count per pivot window.</summary>
internal sealed class ActivityCounts(int[] ids, double[] counts, int windows)
{
    public double Get(int id, int window)
    {
        var slot = Array.IndexOf(ids, id);
        return slot < 0 ? 0 : counts[(slot * windows) + window];
    }

    /// <summary>Another record of the same account (a second return type) adds activities this one lacks.</summary>
    public ActivityCounts MergeMissing(ActivityCounts other)
    {
        var extra = other.IdArray.Where(id => Array.IndexOf(ids, id) < 0).ToList();
        if (extra.Count == 0)
        {
            return this;
        }

        var mergedIds = ids.Concat(extra).ToArray();
        var merged = new double[mergedIds.Length * windows];
        counts.CopyTo(merged, 0);
        for (var i = 0; i < extra.Count; i++)
        {
            for (var w = 0; w < windows; w++)
            {
                merged[((ids.Length + i) * windows) + w] = other.Get(extra[i], w);
            }
        }

        return new ActivityCounts(mergedIds, merged, windows);
    }

    private int[] IdArray => ids;
}
