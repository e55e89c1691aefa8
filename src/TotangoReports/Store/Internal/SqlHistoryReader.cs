using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>The recorded history of one definition, read from the store.</summary>
internal sealed class SqlHistoryReader(SqlReportStore store, string definitionKey) : IHistoryReader
{
    public Task<HistorySnapshot?> AtOrBeforeAsync(string dataset, DateTimeOffset instant, IReadOnlyCollection<string> columns, CancellationToken cancellationToken) =>
        store.AtOrBeforeAsync(definitionKey, dataset, instant, columns, cancellationToken);

    public Task<IReadOnlyList<HistorySnapshot>> BetweenAsync(string dataset, DateTimeOffset after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken) =>
        store.BetweenAsync(definitionKey, dataset, after, upTo, columns, cancellationToken);
}
