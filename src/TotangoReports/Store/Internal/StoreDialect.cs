using System.Data.Common;

namespace TotangoReports.Store.Internal;

/// <summary>What differs between the engines the store runs on; the SQL and the layout are shared.</summary>
internal abstract class StoreDialect
{
    /// <summary>The store as messages name it: a file path, or host/database (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>Whether the store exists yet: a run that only reads does not create a SQLite file.</summary>
    public abstract bool Exists { get; }

    /// <summary>The column type of a compressed vector.</summary>
    public abstract string BlobType { get; }

    /// <summary>An auto-numbered primary key column.</summary>
    public abstract string IdColumn { get; }

    /// <summary>
    /// One row, one count: non-zero when the table named <c>@name</c> exists where the schema's statements create it.
    /// Read outside any transaction, so it never waits for a writer.
    /// </summary>
    public abstract string TableExistsSql { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings (SQLite: WAL, busy timeout).</summary>
    public abstract Task ConfigureAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A write transaction that holds the writer's lock from its first statement, so two writers queue rather than deadlock.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>An engine error as a user reads it (a damaged file, a refused login), or null when it is none of those.</summary>
    public abstract ReportStoreException? Translate(Exception exception);
}
