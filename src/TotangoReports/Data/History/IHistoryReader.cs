namespace TotangoReports.Data.History;

/// <summary>
/// The past of one definition's datasets: the store's snapshots for live runs, a deterministic in-memory history for
/// <c>--sample</c> runs (which never touch the store). Bound to one definition when it is created.
/// </summary>
internal interface IHistoryReader
{
    /// <summary>
    /// The newest snapshot of <paramref name="dataset"/> taken at or before <paramref name="instant"/>, holding only
    /// the <paramref name="columns"/> it has of those asked (a column it never recorded is absent, not empty); null when none.
    /// </summary>
    Task<HistorySnapshot?> AtOrBeforeAsync(string dataset, DateTimeOffset instant, IReadOnlyCollection<string> columns, CancellationToken cancellationToken);

    /// <summary>Every snapshot of <paramref name="dataset"/> taken in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first, projected as above.</summary>
    Task<IReadOnlyList<HistorySnapshot>> BetweenAsync(string dataset, DateTimeOffset after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken);
}
