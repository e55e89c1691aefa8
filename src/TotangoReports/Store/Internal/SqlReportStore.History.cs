using System.Data.Common;
using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>The history half of the store: snapshots written as vectors, read back projected to the columns asked.</summary>
internal sealed partial class SqlReportStore
{
    private const string SnapshotsOfDataset = "FROM history_snapshots WHERE definition_key = @key AND dataset = @dataset";

    /// <summary>The newest snapshot at or before <paramref name="instant"/>, projected; null when none.</summary>
    internal async Task<HistorySnapshot?> AtOrBeforeAsync(string definitionKey, string dataset, DateTimeOffset instant, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var found = await SnapshotsAsync(definitionKey, dataset, $"SELECT id, taken_at_ms, account_ids, shown {SnapshotsOfDataset} AND taken_at_ms <= @upTo ORDER BY taken_at_ms DESC LIMIT 1", null, instant, columns, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every snapshot in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first, projected.</summary>
    internal Task<IReadOnlyList<HistorySnapshot>> BetweenAsync(string definitionKey, string dataset, DateTimeOffset after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken) =>
        SnapshotsAsync(definitionKey, dataset, $"SELECT id, taken_at_ms, account_ids, shown {SnapshotsOfDataset} AND taken_at_ms > @after AND taken_at_ms <= @upTo ORDER BY taken_at_ms", after, upTo, columns, cancellationToken);

    private async Task<IReadOnlyList<HistorySnapshot>> SnapshotsAsync(string definitionKey, string dataset, string sql, DateTimeOffset? after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var result = new List<HistorySnapshot>();
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return result;
        }

        await GuardAsync(async () =>
        {
            var heads = new List<(long Id, long TakenAt, byte[] Ids, byte[] Shown)>();
            using (var command = Command(connection, null, sql, ("key", definitionKey), ("dataset", dataset), ("after", after?.ToUnixTimeMilliseconds() ?? 0L), ("upTo", upTo.ToUnixTimeMilliseconds())))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    heads.Add((reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3)));
                }
            }

            // A few hundred snapshots per query: a long `keep` with frequent runs must stay under the engines' parameter limits.
            var blobs = new Dictionary<long, List<(TableColumn Column, byte[] Cells)>>();
            foreach (var chunk in heads.Select(h => h.Id).Chunk(500))
            {
                foreach (var (id, read) in await ColumnsAsync(connection, chunk, columns, cancellationToken).ConfigureAwait(false))
                {
                    blobs.Add(id, read);
                }
            }

            // Every id is held once for the whole read (one pool), and consecutive snapshots of an unchanged list share
            // their keys; the columns, independent of each other, are decoded in parallel.
            var accounts = new HistoryAccounts();
            var keys = new HistoryKeys[heads.Count];
            for (var i = 0; i < heads.Count; i++)
            {
                keys[i] = i > 0 && heads[i].Ids.AsSpan().SequenceEqual(heads[i - 1].Ids) ? keys[i - 1] : new HistoryKeys(accounts, CellVector.DecodeIds(heads[i].Ids, accounts));
            }

            var vectors = new HistoryVector[heads.Count][];
            Parallel.For(0, heads.Count, i => vectors[i] = [.. blobs.GetValueOrDefault(heads[i].Id, []).Select(b => CellVector.DecodeVector(b.Cells))]);
            for (var i = 0; i < heads.Count; i++)
            {
                var read = blobs.GetValueOrDefault(heads[i].Id, []);
                result.Add(new HistorySnapshot(dataset, DateTimeOffset.FromUnixTimeMilliseconds(heads[i].TakenAt), [.. read.Select(b => b.Column)], keys[i], heads[i].Shown, vectors[i]));
            }
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>The <paramref name="columns"/> of every snapshot in <paramref name="snapshotIds"/>, in one query, each snapshot's in recorded order.</summary>
    private static async Task<Dictionary<long, List<(TableColumn Column, byte[] Cells)>>> ColumnsAsync(DbConnection connection, long[] snapshotIds, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var names = columns.Distinct(StringComparer.Ordinal).ToList();
        var read = new Dictionary<long, List<(TableColumn, byte[])>>();
        if (names.Count == 0 || snapshotIds.Length == 0)
        {
            return read;
        }

        var parameters = names.Select((n, i) => ("c" + i.ToString(CultureInfo.InvariantCulture), (object?)n))
            .Concat(snapshotIds.Select((id, i) => ("s" + i.ToString(CultureInfo.InvariantCulture), (object?)id)))
            .ToArray();
        var nameList = string.Join(", ", parameters.Take(names.Count).Select(p => "@" + p.Item1));
        var idList = string.Join(", ", parameters.Skip(names.Count).Select(p => "@" + p.Item1));
        using var command = Command(connection, null, $"SELECT snapshot_id, name, kind, format, activity_name, activity_window, cells FROM history_columns WHERE snapshot_id IN ({idList}) AND name IN ({nameList}) ORDER BY snapshot_id, ordinal", parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var activity = reader.IsDBNull(4) ? null : new ActivityColumn(reader.GetString(4), reader.GetString(5));
            var column = new TableColumn(reader.GetString(1), Enum.Parse<CellKind>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), activity);
            var snapshot = reader.GetInt64(0);
            if (!read.TryGetValue(snapshot, out var list))
            {
                read.Add(snapshot, list = []);
            }

            list.Add((column, (byte[])reader.GetValue(6)));
        }

        return read;
    }

    private static async Task InsertSnapshotAsync(DbConnection connection, DbTransaction transaction, string definitionKey, HistorySnapshot snapshot, CancellationToken cancellationToken)
    {
        // A second snapshot at the same instant (a backfill run again) replaces the first.
        var at = snapshot.TakenAt.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction, $"DELETE FROM history_columns WHERE snapshot_id IN (SELECT id {SnapshotsOfDataset} AND taken_at_ms = @at)", cancellationToken, ("key", definitionKey), ("dataset", snapshot.Dataset), ("at", at)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"DELETE {SnapshotsOfDataset} AND taken_at_ms = @at", cancellationToken, ("key", definitionKey), ("dataset", snapshot.Dataset), ("at", at)).ConfigureAwait(false);

        var count = snapshot.Count;
        long id;
        using (var insert = Command(
            connection,
            transaction,
            "INSERT INTO history_snapshots (definition_key, dataset, taken_at_ms, row_count, shown_count, account_ids, shown) VALUES (@key, @dataset, @at, @rows, @shown, @ids, @flags) RETURNING id",
            ("key", definitionKey),
            ("dataset", snapshot.Dataset),
            ("at", at),
            ("rows", (long)count),
            ("shown", (long)snapshot.ShownCount),
            ("ids", CellVector.Encode(count, snapshot.AccountId)),
            ("flags", snapshot.ShownFlags.ToArray())))
        {
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        // The columns are encoded in parallel (each is independent), then written in the order of the snapshot.
        var blobs = new byte[snapshot.Columns.Count][];
        Parallel.For(0, blobs.Length, c => blobs[c] = CellVector.Encode(count, i => snapshot.Cell(i, c)));
        for (var c = 0; c < blobs.Length; c++)
        {
            var column = snapshot.Columns[c];
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO history_columns (snapshot_id, ordinal, name, kind, format, activity_name, activity_window, cells) VALUES (@id, @ordinal, @name, @kind, @format, @activityName, @activityWindow, @cells)",
                cancellationToken,
                ("id", id),
                ("ordinal", (long)c),
                ("name", column.Name),
                ("kind", column.Kind.ToString()),
                ("format", column.Format),
                ("activityName", column.Activity?.Name),
                ("activityWindow", column.Activity?.Window),
                ("cells", blobs[c])).ConfigureAwait(false);
        }
    }

    private static async Task PruneAsync(DbConnection connection, DbTransaction transaction, string definitionKey, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var cutoff = before.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction, "DELETE FROM history_columns WHERE snapshot_id IN (SELECT id FROM history_snapshots WHERE definition_key = @key AND taken_at_ms < @cutoff)", cancellationToken, ("key", definitionKey), ("cutoff", cutoff)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM history_snapshots WHERE definition_key = @key AND taken_at_ms < @cutoff", cancellationToken, ("key", definitionKey), ("cutoff", cutoff)).ConfigureAwait(false);
    }
}
