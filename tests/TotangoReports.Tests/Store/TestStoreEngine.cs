using Npgsql;
using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

public enum StoreEngineKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty store on a real engine for one test: a SQLite file in a temporary folder, or a PostgreSQL schema of
/// its own in the database <c>TOTANGO_TEST_PG</c> names (CI sets it; without it the local default below is tried,
/// and on CI a missing database fails the test rather than skipping it).
/// </summary>
internal sealed class TestStoreEngine : IAsyncDisposable
{
    /// <summary>The database .ci/run creates (and a developer can: see README "The store").</summary>
    public const string LocalPostgres = "Host=127.0.0.1;Port=5432;Username=totango;Password=totango-test-pw;Database=totango_test";

    private readonly string? _folder;
    private readonly string? _schema;

    private TestStoreEngine(StoreEngineKind kind, string connectionString, string? folder, string? schema)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _schema = schema;
    }

    public StoreEngineKind Kind { get; }

    /// <summary>What <c>Store:ConnectionString</c> would say to reach this store.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file (null for PostgreSQL).</summary>
    public string? SqlitePath => Kind == StoreEngineKind.Sqlite ? Path.Combine(_folder!, ".totango-reports.db") : null;

    public static async Task<TestStoreEngine> CreateAsync(StoreEngineKind kind)
    {
        if (kind == StoreEngineKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("store-").FullName;
            return new TestStoreEngine(kind, "Data Source=" + Path.Combine(folder, ".totango-reports.db"), folder, null);
        }

        var server = PostgresServer();
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        catch (NpgsqlException ex) when (Environment.GetEnvironmentVariable("CI") != "true" && Environment.GetEnvironmentVariable("TOTANGO_TEST_PG") is null)
        {
            Assert.Skip($"no PostgreSQL at {new NpgsqlConnectionStringBuilder(server).Host} ({ex.Message}); set TOTANGO_TEST_PG (CI does, and fails without it)");
        }

        return new TestStoreEngine(kind, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, null, schema);
    }

    /// <summary>The PostgreSQL server the tests use: <c>TOTANGO_TEST_PG</c>; on CI it must be set.</summary>
    public static string PostgresServer()
    {
        var configured = Environment.GetEnvironmentVariable("TOTANGO_TEST_PG");
        if (string.IsNullOrWhiteSpace(configured) && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true but TOTANGO_TEST_PG is not set: the store suite must run against a real PostgreSQL (.ci/run starts one)");
        }

        return string.IsNullOrWhiteSpace(configured) ? LocalPostgres : configured;
    }

    /// <summary>A store object on its own connection to this store (two of them are two runs).</summary>
    public SqlReportStore Open(TimeSpan? busyTimeout = null) => Kind == StoreEngineKind.Sqlite
        ? new SqlReportStore(new SqliteDialect(SqlitePath!, busyTimeout ?? TimeSpan.FromSeconds(30)))
        : new SqlReportStore(new PostgresDialect(ConnectionString, "PostgreSQL test store " + _schema, busyTimeout ?? TimeSpan.FromSeconds(30)));

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
