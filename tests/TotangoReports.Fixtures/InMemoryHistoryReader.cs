using TotangoReports.Data.History;

namespace TotangoReports.Fixtures;

/// <summary>
/// A history held in a list, answering as the store does (newest at or before, between, projected to the columns
/// asked): for tests of the history columns and for the bench, which measures the report side without a store.
/// </summary>
internal sealed class InMemoryHistoryReader : IHistoryReader
{
    private readonly List<HistorySnapshot> _snapshots = [];

    /// <summary>How many reads the report made (each distinct span once).</summary>
    public int Reads { get; private set; }

    public InMemoryHistoryReader Add(HistorySnapshot snapshot)
    {
        _snapshots.Add(snapshot);
        return this;
    }

    Task<HistorySnapshot?> IHistoryReader.AtOrBeforeAsync(string dataset, DateTimeOffset instant, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        Reads++;
        var found = _snapshots.Where(s => s.Dataset == dataset && s.TakenAt <= instant).MaxBy(s => s.TakenAt);
        return Task.FromResult(found is null ? null : Project(found, columns));
    }

    Task<IReadOnlyList<HistorySnapshot>> IHistoryReader.BetweenAsync(string dataset, DateTimeOffset after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        Reads++;
        IReadOnlyList<HistorySnapshot> found = [.. _snapshots.Where(s => s.Dataset == dataset && s.TakenAt > after && s.TakenAt <= upTo).OrderBy(s => s.TakenAt).Select(s => Project(s, columns))];
        return Task.FromResult(found);
    }

    private static HistorySnapshot Project(HistorySnapshot snapshot, IReadOnlyCollection<string> columns) => snapshot.Project(columns);
}
