namespace TotangoReports.Api.Internal;

/// <summary>What one read of a whole query saw: the unique accounts and the latest <c>total_items</c>.</summary>
internal sealed class PassResult
{
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public long Total { get; set; }

    public int WithoutId { get; set; }

    public long Unique => Seen.Count + WithoutId;

    public bool Agrees => Unique == Total;
}
