using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace TotangoReports.Store.Internal;

/// <summary>
/// The shared store, for machines and pods that keep nothing between runs. Writers queue on one advisory lock, so
/// two runs' commits (and two first runs' migrations) never interleave.
/// </summary>
internal sealed class PostgresDialect(string connectionString, string description, TimeSpan busyTimeout) : StoreDialect
{
    // Any fixed number: the lock every writer of this schema takes.
    private const long WriterLock = 0x746f74616e676f;

    public override string Description => description;

    public override bool Exists => true;

    public override string BlobType => "BYTEA";

    public override string IdColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    // current_schema(): where an unqualified CREATE TABLE puts the table (the search path's first schema).
    public override string TableExistsSql => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";

    public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);

    public override async Task ConfigureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SET lock_timeout = {(long)busyTimeout.TotalMilliseconds}");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({WriterLock})");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public override ReportStoreException? Translate(Exception exception) => exception switch
    {
        PostgresException { SqlState: "55P03" } => new ReportStoreException(
            $"{description}: the store stayed busy with another run's write for longer than {busyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; run again when it has finished, or raise Store:BusyTimeoutSeconds.",
            exception),
        PostgresException { SqlState: "28P01" or "28000" } => new ReportStoreException(
            $"{description}: PostgreSQL refused the login; check the user in Store:ConnectionString and the password (Store__Password or the connection string).",
            exception),
        NpgsqlException other => new ReportStoreException($"{description}: the store could not be used: {other.Message}", exception),
        _ => null,
    };
}
