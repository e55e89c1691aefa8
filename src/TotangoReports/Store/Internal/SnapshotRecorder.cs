using TotangoReports.Data;
using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>What a run records of one dataset: its recorded rows when the build kept them, else the rows it shows.</summary>
internal static class SnapshotRecorder
{
    public static HistorySnapshot From(DatasetTable table, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        var at = takenAt.ToUniversalTime();
        if (table.Recorded is { } recorded)
        {
            // The build kept them by column with UTC instants already: nothing is copied.
            return recorded.At(at);
        }

        // One row per account: a table built by hand may repeat an id; the first row wins, as "then" matches on ids.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = table.Rows.Where(r => seen.Add(r.AccountId)).Select(r => new HistoryRow(r.AccountId, [.. r.Values.Select(Utc)], Shown: true)).ToList();
        return new HistorySnapshot(table.Name, at, table.Columns, rows);
    }

    // Instants are kept in UTC: "then" is a point in time, whatever zone the report shows it in.
    private static object? Utc(object? cell) => cell is DateTimeOffset instant ? instant.ToUniversalTime() : cell;
}
