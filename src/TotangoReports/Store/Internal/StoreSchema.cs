using System.Data.Common;
using System.Globalization;

namespace TotangoReports.Store.Internal;

/// <summary>
/// The store's versioned schema: <c>store_schema_version</c> holds the version, and every migration after it is applied
/// in order, in the writer's transaction, so two first runs at once create it once. Opening a current store only
/// reads the version, outside any transaction, so a reader never queues behind another run's commit.
/// </summary>
internal static class StoreSchema
{
    /// <summary>
    /// The migrations, in order; version N is the first N applied. Never edit a shipped one: add the next.
    /// History is columnar: one row per snapshot (its account ids and shown flags as vectors) and one per snapshot ×
    /// column (a compressed, typed vector), so a 100,000-account snapshot is a few rows written and read at once.
    /// </summary>
    private static readonly Func<StoreDialect, string[]>[] Migrations =
    [
        d =>
        [
            "CREATE TABLE store_watermarks (definition_key TEXT NOT NULL, dataset TEXT NOT NULL, last_run_ms BIGINT NOT NULL, PRIMARY KEY (definition_key, dataset))",
            "CREATE TABLE store_deliveries (definition_key TEXT NOT NULL, scope TEXT NOT NULL, delivered_at_ms BIGINT NOT NULL, row_counts TEXT NOT NULL, rows_digest TEXT NOT NULL, PRIMARY KEY (definition_key, scope))",
            $"CREATE TABLE history_snapshots (id {d.IdColumn}, definition_key TEXT NOT NULL, dataset TEXT NOT NULL, taken_at_ms BIGINT NOT NULL, row_count BIGINT NOT NULL, shown_count BIGINT NOT NULL, account_ids {d.BlobType} NOT NULL, shown {d.BlobType} NOT NULL, UNIQUE (definition_key, dataset, taken_at_ms))",
            $"CREATE TABLE history_columns (snapshot_id BIGINT NOT NULL, ordinal BIGINT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, format TEXT, activity_name TEXT, activity_window TEXT, cells {d.BlobType} NOT NULL, PRIMARY KEY (snapshot_id, name))",
        ],

        // The definitions whose watermarks the old state file already gave: a file kept for other definitions in its
        // folder is then never imported again for this one (it would raise a watermark the store has since lowered).
        _ =>
        [
            "CREATE TABLE store_legacy_imports (definition_key TEXT NOT NULL PRIMARY KEY, source_file TEXT NOT NULL)",
        ],
    ];

    public static int Latest => Migrations.Length;

    /// <summary>
    /// Whether the store needs <see cref="MigrateAsync"/>: its version read without a transaction (no writer's lock, so
    /// it never waits for a commit); true when it has none yet or an older one. A newer store is an error.
    /// </summary>
    public static async Task<bool> NeedsMigrationAsync(StoreDialect dialect, DbConnection connection, CancellationToken cancellationToken)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = dialect.TableExistsSql;
            var name = exists.CreateParameter();
            name.ParameterName = "@name";
            name.Value = "store_schema_version";
            exists.Parameters.Add(name);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                return true;
            }
        }

        var current = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(dialect, current);
        return current < Latest;
    }

    /// <summary>
    /// Brings the store to <see cref="Latest"/> inside <paramref name="transaction"/>; a newer store is an error. The
    /// version is read again here: another first run may have migrated between <see cref="NeedsMigrationAsync"/> and
    /// this transaction.
    /// </summary>
    public static async Task MigrateAsync(StoreDialect dialect, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS store_schema_version (version BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(dialect, current);

        for (var version = current; version < Latest; version++)
        {
            foreach (var statement in Migrations[version](dialect))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }
        }

        if (current < Latest)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM store_schema_version", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO store_schema_version (version) VALUES ({Latest})"), cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<long> VersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM store_schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(StoreDialect dialect, long current)
    {
        if (current > Latest)
        {
            throw new ReportStoreException(string.Create(CultureInfo.InvariantCulture, $"{dialect.Description}: the store has schema version {current}, written by a newer totango-reports (this one knows up to {Latest}); upgrade totango-reports, or point Store:ConnectionString at another store."));
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
