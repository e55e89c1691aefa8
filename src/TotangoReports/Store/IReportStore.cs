using TotangoReports.Data.History;

namespace TotangoReports.Store;

/// <summary>
/// PRODUCT.md §8: the one place for the <c>since: last-run</c> watermarks, the history and the record of what was
/// delivered. SQLite beside the definition by default, PostgreSQL for machines and pods that share one store.
/// Everything a run writes goes in one <see cref="CommitAsync"/>: all of it or none of it.
/// </summary>
internal interface IReportStore : IAsyncDisposable
{
    /// <summary>The <c>since: last-run</c> watermark of each dataset of the definition that has one.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadWatermarksAsync(string definitionKey, CancellationToken cancellationToken);

    /// <summary>The recorded history of one definition.</summary>
    IHistoryReader History(string definitionKey);

    /// <summary>The last delivered run of the definition for <paramref name="scope"/> (<see cref="DeliveryRecord.RollUp"/> or a burst value); null when none.</summary>
    Task<DeliveryRecord?> LastDeliveryAsync(string definitionKey, string scope, CancellationToken cancellationToken);

    /// <summary>Writes everything a finished run leaves, in one transaction; a run killed in the middle leaves the store as it was.</summary>
    Task CommitAsync(StoreCommit commit, CancellationToken cancellationToken);
}

/// <summary>What one finished run writes to the store.</summary>
/// <param name="DefinitionKey">Which definition (stable across machines: see the store's key rule).</param>
/// <param name="RunAt">The run's time (its <c>--as-of</c> when given), UTC.</param>
internal sealed record StoreCommit(string DefinitionKey, DateTimeOffset RunAt)
{
    /// <summary>Watermarks that move, per dataset; empty = none move.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Watermarks { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>One snapshot per dataset to record; empty = this run records no history.</summary>
    public IReadOnlyList<HistorySnapshot> Snapshots { get; init; } = [];

    /// <summary><c>history: { keep: }</c>: snapshots of this definition older than <see cref="RunAt"/> minus this are pruned; null = kept.</summary>
    public TimeSpan? Keep { get; init; }

    /// <summary>What this run delivered, per scope (the roll-up and each burst value it mailed or wrote).</summary>
    public IReadOnlyList<DeliveryRecord> Deliveries { get; init; } = [];
}

/// <summary>What a delivered run of one scope looked like, for <c>when: changed</c> and <c>previous_rows</c>.</summary>
/// <param name="Scope"><see cref="RollUp"/> for the whole report, else the burst value.</param>
/// <param name="DeliveredAt">The run's time, UTC.</param>
/// <param name="RowCounts">Rows per dataset as the scope's report showed them.</param>
/// <param name="RowsDigest">A digest of the rows the scope's report showed (SHA-256, hex): equal digests = unchanged rows.</param>
internal sealed record DeliveryRecord(string Scope, DateTimeOffset DeliveredAt, IReadOnlyDictionary<string, int> RowCounts, string RowsDigest)
{
    /// <summary>The scope of the whole report.</summary>
    public const string RollUp = "";
}
