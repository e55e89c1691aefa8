using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TotangoReports.Store.Internal;

/// <summary>The embedded store: one SQLite file, WAL so readers never wait for a writer, a busy timeout so writers queue.</summary>
internal sealed class SqliteDialect(string path, TimeSpan busyTimeout) : StoreDialect
{
    private const int NotADatabase = 26;
    private const int Corrupt = 11;

    public string Path { get; } = path;

    public override string Description => Path;

    public override bool Exists => File.Exists(Path);

    public override string BlobType => "BLOB";

    public override string IdColumn => "INTEGER PRIMARY KEY";

    public override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    public override DbConnection CreateConnection() => new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,

        // No pool: a finished run leaves no handle on the file (a test, a backup or a move sees it whole).
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
    }.ToString());

    public override async Task ConfigureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // BEGIN IMMEDIATE: the write lock is taken (or waited for) up front, never upgraded half-way.
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ReportStoreException? Translate(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: NotADatabase or Corrupt } damaged => new ReportStoreException(
            $"{Path}: the store is damaged or is not a SQLite database ({damaged.Message.TrimEnd('.')}). It holds the since: last-run watermarks and the history, so it was not replaced: restore it from a backup, or move it aside to start an empty store (the next delta run then looks back 7 days, and the history starts again).",
            exception),
        SqliteException { SqliteErrorCode: 5 or 6 } busy => new ReportStoreException(
            $"{Path}: the store stayed busy with another run's write for longer than {busyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({busy.Message.TrimEnd('.')}); run again when it has finished, or raise Store:BusyTimeoutSeconds.",
            exception),
        SqliteException other => new ReportStoreException($"{Path}: the store could not be used: {other.Message}", exception),
        _ => null,
    };
}
