using System.Data.Common;
using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>One recorded snapshot as <c>history list</c> shows it.</summary>
/// <param name="Bytes">What its vectors take in the store (compressed), without the engine's own overhead.</param>
internal sealed record SnapshotInfo(string DefinitionKey, string Dataset, DateTimeOffset TakenAt, long Rows, long Shown, long Bytes);

/// <summary>The <c>history</c> commands' half of the store: list, prune, read whole snapshots for export.</summary>
internal sealed partial class SqlReportStore
{
    /// <summary>Every snapshot (of one definition, or all), by definition, dataset and time.</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? definitionKey, CancellationToken cancellationToken)
    {
        var result = new List<SnapshotInfo>();
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return result;
        }

        await GuardAsync(async () =>
        {
            var sql = $"""
                SELECT s.definition_key, s.dataset, s.taken_at_ms, s.row_count, s.shown_count,
                       LENGTH(s.account_ids) + LENGTH(s.shown) + COALESCE((SELECT SUM(LENGTH(c.cells)) FROM history_columns c WHERE c.snapshot_id = s.id), 0)
                FROM history_snapshots s
                {(definitionKey is null ? string.Empty : "WHERE s.definition_key = @key")}
                ORDER BY s.definition_key, s.dataset, s.taken_at_ms
                """;
            using var command = definitionKey is null ? Command(connection, null, sql) : Command(connection, null, sql, ("key", definitionKey));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new SnapshotInfo(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4), Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Removes the definition's snapshots taken before <paramref name="before"/>, in one transaction; returns how many.</summary>
    public async Task<int> PruneAsync(string definitionKey, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return 0;
        }

        var removed = 0;
        await InTransactionAsync(connection, async transaction =>
        {
            using (var count = Command(connection, transaction, "SELECT COUNT(*) FROM history_snapshots WHERE definition_key = @key AND taken_at_ms < @cutoff", ("key", definitionKey), ("cutoff", before.ToUnixTimeMilliseconds())))
            {
                removed = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            await PruneAsync(connection, transaction, definitionKey, before, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>One snapshot with every column it recorded (for export); null when there is none at that instant.</summary>
    public async Task<HistorySnapshot?> ReadWholeAsync(string definitionKey, string dataset, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return null;
        }

        var names = new List<string>();
        await GuardAsync(async () =>
        {
            using var command = Command(connection, null, "SELECT c.name FROM history_columns c JOIN history_snapshots s ON s.id = c.snapshot_id WHERE s.definition_key = @key AND s.dataset = @dataset AND s.taken_at_ms = @at ORDER BY c.ordinal", ("key", definitionKey), ("dataset", dataset), ("at", takenAt.ToUnixTimeMilliseconds()));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }).ConfigureAwait(false);
        var found = await AtOrBeforeAsync(definitionKey, dataset, takenAt, names, cancellationToken).ConfigureAwait(false);
        return found?.TakenAt == takenAt ? found : null;
    }
}
