using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>
/// <see cref="IReportStore"/> on SQLite or PostgreSQL (the same SQL, the same layout). The connection is opened on
/// first use; a SQLite store that does not exist yet reads as empty and is created by the first write, so a run that
/// records nothing leaves no file behind.
/// </summary>
internal sealed partial class SqlReportStore(StoreDialect dialect) : IReportStore
{
    /// <summary>Test-only: a file path; a commit writes it, then waits inside its transaction (to be killed there).</summary>
    internal const string PauseVariable = "TOTANGO_REPORTS_TEST_PAUSE_IN_COMMIT";

    private DbConnection? _connection;

    public StoreDialect Dialect { get; } = dialect;

    /// <summary>The store as messages name it.</summary>
    public string Description => Dialect.Description;

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadWatermarksAsync(string definitionKey, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return result;
        }

        await GuardAsync(async () =>
        {
            using var command = Command(connection, null, "SELECT dataset, last_run_ms FROM store_watermarks WHERE definition_key = @key", ("key", definitionKey));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result[reader.GetString(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            }
        }).ConfigureAwait(false);
        return result;
    }

    public IHistoryReader History(string definitionKey) => new SqlHistoryReader(this, definitionKey);

    public async Task<DeliveryRecord?> LastDeliveryAsync(string definitionKey, string scope, CancellationToken cancellationToken)
    {
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return null;
        }

        DeliveryRecord? record = null;
        await GuardAsync(async () =>
        {
            using var command = Command(connection, null, "SELECT delivered_at_ms, row_counts, rows_digest FROM store_deliveries WHERE definition_key = @key AND scope = @scope", ("key", definitionKey), ("scope", scope));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(1)) ?? [];
                record = new DeliveryRecord(scope, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), counts, reader.GetString(2));
            }
        }).ConfigureAwait(false);
        return record;
    }

    public async Task CommitAsync(StoreCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var connection = (await OpenAsync(create: true, cancellationToken).ConfigureAwait(false))!;
        await InTransactionAsync(connection, async transaction =>
        {
            foreach (var (dataset, at) in commit.Watermarks)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO store_watermarks (definition_key, dataset, last_run_ms) VALUES (@key, @dataset, @at) ON CONFLICT (definition_key, dataset) DO UPDATE SET last_run_ms = excluded.last_run_ms", cancellationToken, ("key", commit.DefinitionKey), ("dataset", dataset), ("at", at.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }

            foreach (var snapshot in commit.Snapshots)
            {
                await InsertSnapshotAsync(connection, transaction, commit.DefinitionKey, snapshot, cancellationToken).ConfigureAwait(false);
            }

            foreach (var delivery in commit.Deliveries)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO store_deliveries (definition_key, scope, delivered_at_ms, row_counts, rows_digest) VALUES (@key, @scope, @at, @counts, @digest) ON CONFLICT (definition_key, scope) DO UPDATE SET delivered_at_ms = excluded.delivered_at_ms, row_counts = excluded.row_counts, rows_digest = excluded.rows_digest", cancellationToken, ("key", commit.DefinitionKey), ("scope", delivery.Scope), ("at", delivery.DeliveredAt.ToUnixTimeMilliseconds()), ("counts", JsonSerializer.Serialize(delivery.RowCounts)), ("digest", delivery.RowsDigest)).ConfigureAwait(false);
            }

            if (commit.Keep is { } keep)
            {
                await PruneAsync(connection, transaction, commit.DefinitionKey, commit.RunAt - keep, cancellationToken).ConfigureAwait(false);
            }

            PauseForTests();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the old state file's watermarks were already imported for <paramref name="definitionKey"/>.</summary>
    public async Task<bool> LegacyStateImportedAsync(string definitionKey, CancellationToken cancellationToken)
    {
        if (await OpenAsync(create: false, cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return false;
        }

        var imported = false;
        await GuardAsync(async () =>
        {
            using var command = Command(connection, null, "SELECT COUNT(*) FROM store_legacy_imports WHERE definition_key = @key", ("key", definitionKey));
            imported = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        }).ConfigureAwait(false);
        return imported;
    }

    /// <summary>
    /// Raises the watermarks of <paramref name="definitionKey"/> to these (an older one never lowers a newer) and, in the
    /// same transaction, records that the old state file <paramref name="sourceFile"/> was imported for it.
    /// </summary>
    public async Task ImportLegacyStateAsync(string definitionKey, IReadOnlyDictionary<string, DateTimeOffset> watermarks, string sourceFile, CancellationToken cancellationToken)
    {
        var connection = (await OpenAsync(create: true, cancellationToken).ConfigureAwait(false))!;
        await InTransactionAsync(connection, async transaction =>
        {
            foreach (var (dataset, at) in watermarks)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO store_watermarks (definition_key, dataset, last_run_ms) VALUES (@key, @dataset, @at) ON CONFLICT (definition_key, dataset) DO UPDATE SET last_run_ms = CASE WHEN excluded.last_run_ms > store_watermarks.last_run_ms THEN excluded.last_run_ms ELSE store_watermarks.last_run_ms END", cancellationToken, ("key", definitionKey), ("dataset", dataset), ("at", at.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }

            // Two first runs at once may both have read "not imported": the second import is then the same no-op raise.
            await ExecuteAsync(connection, transaction, "INSERT INTO store_legacy_imports (definition_key, source_file) VALUES (@key, @file) ON CONFLICT (definition_key) DO NOTHING", cancellationToken, ("key", definitionKey), ("file", sourceFile)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>The open connection, the schema current; null when the store does not exist and <paramref name="create"/> is false.</summary>
    internal async Task<DbConnection?> OpenAsync(bool create, CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }

        if (!create && !Dialect.Exists)
        {
            return null;
        }

        var connection = Dialect.CreateConnection();
        try
        {
            await GuardAsync(async () =>
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await Dialect.ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);

                // Only a store without the latest schema takes the writer's lock: a reader of a current store (history
                // list, the watermarks) must not queue behind another run's commit.
                if (await StoreSchema.NeedsMigrationAsync(Dialect, connection, cancellationToken).ConfigureAwait(false))
                {
                    await InTransactionAsync(connection, transaction => StoreSchema.MigrateAsync(Dialect, connection, transaction, cancellationToken), cancellationToken, guarded: false).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it or, on any failure or kill, none of it.</summary>
    internal async Task InTransactionAsync(DbConnection connection, Func<DbTransaction, Task> work, CancellationToken cancellationToken, bool guarded = true)
    {
        async Task Body()
        {
            var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await work(transaction).ConfigureAwait(false);

                // Past here the transaction commits whatever the caller's token says: half a commit is no commit.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (guarded)
        {
            await GuardAsync(Body).ConfigureAwait(false);
        }
        else
        {
            await Body().ConfigureAwait(false);
        }
    }

    /// <summary>Engine errors become <see cref="ReportStoreException"/>s that name the store and what to do.</summary>
    internal async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ReportStoreException and not OperationCanceledException && Dialect.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void PauseForTests()
    {
        if (Environment.GetEnvironmentVariable(PauseVariable) is { Length: > 0 } marker)
        {
            File.WriteAllText(marker, "inside the store's transaction");
            Thread.Sleep(Timeout.Infinite);
        }
    }

}
