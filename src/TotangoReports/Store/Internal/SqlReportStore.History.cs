using System.Data.Common;
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

            // Read in order, decoded in parallel; consecutive snapshots of an unchanged list share one id vector.
            var blobs = new List<List<(TableColumn Column, byte[] Cells)>>(heads.Count);
            foreach (var head in heads)
            {
                blobs.Add(await ColumnsAsync(connection, head.Id, columns, cancellationToken).ConfigureAwait(false));
            }

            var ids = new object?[]?[heads.Count];
            Parallel.For(0, heads.Count, i => ids[i] = i > 0 && heads[i].Ids.AsSpan().SequenceEqual(heads[i - 1].Ids) ? null : CellVector.Decode(heads[i].Ids));
            for (var i = 1; i < heads.Count; i++)
            {
                ids[i] ??= ids[i - 1];
            }

            var assembled = new HistorySnapshot[heads.Count];
            Parallel.For(0, heads.Count, i => assembled[i] = Assemble(dataset, DateTimeOffset.FromUnixTimeMilliseconds(heads[i].TakenAt), ids[i]!, heads[i].Shown, [.. blobs[i].Select(b => (b.Column, CellVector.Decode(b.Cells)))]));
            result.AddRange(assembled);
        }).ConfigureAwait(false);
        return result;
    }

    private static async Task<List<(TableColumn Column, byte[] Cells)>> ColumnsAsync(DbConnection connection, long snapshotId, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var names = columns.Distinct(StringComparer.Ordinal).ToList();
        var read = new List<(TableColumn, byte[])>();
        if (names.Count == 0)
        {
            return read;
        }

        var parameters = names.Select((n, i) => ("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)n)).Prepend(("id", snapshotId)).ToArray();
        var list = string.Join(", ", parameters.Skip(1).Select(p => "@" + p.Item1));
        using var command = Command(connection, null, $"SELECT name, kind, format, activity_name, activity_window, cells FROM history_columns WHERE snapshot_id = @id AND name IN ({list}) ORDER BY ordinal", parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var activity = reader.IsDBNull(3) ? null : new ActivityColumn(reader.GetString(3), reader.GetString(4));
            var column = new TableColumn(reader.GetString(0), Enum.Parse<CellKind>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2), activity);
            read.Add((column, (byte[])reader.GetValue(5)));
        }

        return read;
    }

    private static HistorySnapshot Assemble(string dataset, DateTimeOffset takenAt, object?[] ids, byte[] shown, List<(TableColumn Column, object?[] Cells)> columns)
    {
        var rows = new HistoryRow[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var cells = new object?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                cells[c] = columns[c].Cells[i];
            }

            rows[i] = new HistoryRow((string)ids[i]!, cells, CellVector.Flag(shown, i));
        }

        return new HistorySnapshot(dataset, takenAt, [.. columns.Select(c => c.Column)], rows);
    }

    private static async Task InsertSnapshotAsync(DbConnection connection, DbTransaction transaction, string definitionKey, HistorySnapshot snapshot, CancellationToken cancellationToken)
    {
        // A second snapshot at the same instant (a backfill run again) replaces the first.
        var at = snapshot.TakenAt.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction, $"DELETE FROM history_columns WHERE snapshot_id IN (SELECT id {SnapshotsOfDataset} AND taken_at_ms = @at)", cancellationToken, ("key", definitionKey), ("dataset", snapshot.Dataset), ("at", at)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"DELETE {SnapshotsOfDataset} AND taken_at_ms = @at", cancellationToken, ("key", definitionKey), ("dataset", snapshot.Dataset), ("at", at)).ConfigureAwait(false);

        var rows = snapshot.Rows;
        long id;
        using (var insert = Command(
            connection,
            transaction,
            "INSERT INTO history_snapshots (definition_key, dataset, taken_at_ms, row_count, shown_count, account_ids, shown) VALUES (@key, @dataset, @at, @rows, @shown, @ids, @flags) RETURNING id",
            ("key", definitionKey),
            ("dataset", snapshot.Dataset),
            ("at", at),
            ("rows", (long)rows.Count),
            ("shown", (long)snapshot.ShownCount),
            ("ids", CellVector.Encode(rows.Count, i => rows[i].AccountId)),
            ("flags", CellVector.EncodeFlags(rows.Count, i => rows[i].Shown))))
        {
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        // The columns are encoded in parallel (each is independent), then written in the order of the snapshot.
        var blobs = new byte[snapshot.Columns.Count][];
        Parallel.For(0, blobs.Length, c => blobs[c] = CellVector.Encode(rows.Count, i => rows[i].Cells[c]));
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
