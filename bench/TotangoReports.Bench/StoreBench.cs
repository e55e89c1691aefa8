using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Bench;

/// <summary>
/// The history store on SQLite and PostgreSQL side by side (issue 16): recording a 100,000-account snapshot of 12
/// columns, reading one back ("then" for change/previous, 2 columns), reading 12 weekly snapshots of one column (a
/// trend), and how much the store grows per snapshot. PostgreSQL is <c>TOTANGO_TEST_PG</c> (or the local test
/// database); without one its rows say so.
/// </summary>
internal sealed class StoreBench : IBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 9, 7, 7, 0, 0, TimeSpan.Zero);

    private static readonly TableColumn[] Columns =
    [
        new("Account ID", CellKind.Text), new("Account", CellKind.Text), new("Health", CellKind.Text), new("Region", CellKind.Text),
        new("Plan", CellKind.Text), new("Score", CellKind.Number), new("Users 30d", CellKind.Number), new("Activities 30d", CellKind.Number),
        new("Licenses", CellKind.Number), new("Utilisation", CellKind.Number, "0%"), new("Renewal", CellKind.Date), new("Last activity", CellKind.DateTime),
    ];

    private static readonly string[] Healths = ["Good", "Average", "Poor"];
    private static readonly string[] Regions = ["EMEA", "NA", "APAC", "LATAM"];
    private static readonly string[] Plans = ["Free", "Starter", "Growth", "Enterprise"];

    public string Name => "store";

    public string Description => "History store: record, read, trend and growth per 100,000-account snapshot, SQLite and PostgreSQL";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = smoke ? 2_000 : 100_000;
        var weeks = smoke ? 3 : 12;
        output.WriteLine($"## store — {accounts:N0} accounts × {Columns.Length} columns, {weeks} weekly snapshots");
        output.WriteLine();
        output.WriteLine("| engine | record one snapshot (median) | read one snapshot, 2 columns (median) | read 12 snapshots, 1 column (trend) | growth per snapshot | targets |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        var ok = true;
        var folder = Directory.CreateTempSubdirectory("store-bench-").FullName;
        try
        {
            var sqlitePath = Path.Combine(folder, "bench.db");
            ok &= await MeasureAsync("SQLite (file, WAL)", new SqliteDialect(sqlitePath, TimeSpan.FromSeconds(30)), () => Task.FromResult(SqliteSize(sqlitePath)), weeks, accounts, output, cancellationToken);
            if (await PostgresAsync(cancellationToken) is { } postgres)
            {
                try
                {
                    ok &= await MeasureAsync("PostgreSQL 127.0.0.1", postgres.Dialect, () => PostgresSizeAsync(postgres.Connection, postgres.Schema, cancellationToken), weeks, accounts, output, cancellationToken);
                }
                finally
                {
                    await ExecuteAsync(Server(), $"DROP SCHEMA {postgres.Schema} CASCADE", cancellationToken);
                }
            }
            else
            {
                output.WriteLine("| PostgreSQL | — | — | — | — | no server: set TOTANGO_TEST_PG |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        output.WriteLine();
        output.WriteLine("Targets (issue 16): record < 2 s; change/previous read < 1 s; 12-week trend read < 1 s; growth < 15 MB per snapshot.");
        return ok ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string engine, StoreDialect dialect, Func<Task<long>> size, int weeks, int accounts, TextWriter output, CancellationToken cancellationToken)
    {
        await using var store = new SqlReportStore(dialect);
        var records = new List<TimeSpan>();
        var sizes = new List<long>();
        await store.CommitAsync(new StoreCommit("warm-up", Start) { Snapshots = [Snapshot(accounts, 0)] }, cancellationToken);
        sizes.Add(await size());
        var last = Start;
        for (var week = 0; week < weeks; week++)
        {
            // Made one at a time as they are recorded: the bench's own input must not weigh on the store's reads.
            var snapshot = Snapshot(accounts, week);
            last = snapshot.TakenAt;
            var watch = Stopwatch.StartNew();
            await store.CommitAsync(new StoreCommit("weekly", snapshot.TakenAt) { Snapshots = [snapshot] }, cancellationToken);
            records.Add(watch.Elapsed);
            sizes.Add(await size());
        }

        GC.Collect();

        var history = store.History("weekly");
        var reads = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var then = await history.AtOrBeforeAsync("accounts", last.AddDays(-7).AddHours(12), ["Score", "Health"], cancellationToken);
            reads.Add(watch.Elapsed);
            if (then?.Rows.Count != accounts)
            {
                throw new InvalidOperationException("the read snapshot lost rows");
            }
        }

        var trends = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var all = await history.BetweenAsync("accounts", Start.AddDays(-1), last, ["Users 30d"], cancellationToken);
            trends.Add(watch.Elapsed);
            if (all.Count != weeks)
            {
                throw new InvalidOperationException("the trend lost snapshots");
            }
        }

        var record = Median(records);
        var read = Median(reads);
        var trend = Median(trends);
        var growth = (sizes[^1] - sizes[0]) / (double)weeks / 1048576.0;
        var met = record < TimeSpan.FromSeconds(2) && read < TimeSpan.FromSeconds(1) && trend < TimeSpan.FromSeconds(1) && growth < 15;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {engine} | {record.TotalMilliseconds:N0} ms | {read.TotalMilliseconds:N0} ms | {trend.TotalMilliseconds:N0} ms | {growth:N2} MB | {(met ? "met" : "NOT MET")} |"));
        return true;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Week <paramref name="week"/> of a deterministic book: values drift a little week to week, as real ones do.</summary>
    private static HistorySnapshot Snapshot(int accounts, int week)
    {
        var random = new Random(1000 + week);
        var renewal = new DateOnly(2027, 1, 1);
        var rows = new HistoryRow[accounts];
        for (var i = 0; i < accounts; i++)
        {
            var stable = new Random(i);
            var licenses = (double)stable.Next(5, 500);
            var users = Math.Round(licenses * stable.NextDouble() * (0.8 + (0.4 * random.NextDouble())));
            rows[i] = new HistoryRow(
                "acct-" + i.ToString("D6", CultureInfo.InvariantCulture),
                [
                    "acct-" + i.ToString("D6", CultureInfo.InvariantCulture),
                    "Account " + i.ToString(CultureInfo.InvariantCulture) + " Ltd",
                    Healths[(i + (random.Next(10) == 0 ? 1 : 0)) % 3],
                    Regions[i % 4],
                    Plans[stable.Next(4)],
                    Math.Round(stable.Next(0, 100) + (random.NextDouble() * 4) - 2, 1),
                    users,
                    (double)random.Next(0, 5_000),
                    licenses,
                    users / licenses,
                    renewal.AddDays(stable.Next(0, 730)),
                    Start.AddDays(7 * week).AddMinutes(-random.Next(0, 60 * 24 * 30)),
                ],
                i % 5 != 0);
        }

        return new HistorySnapshot("accounts", Start.AddDays(7 * week), Columns, rows);
    }

    /// <summary>The file's size once its WAL is checkpointed into it (the WAL file is reused, so its length is no growth).</summary>
    private static long SqliteSize(string path)
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        return new FileInfo(path).Length;
    }

    private static string Server()
    {
        var configured = Environment.GetEnvironmentVariable("TOTANGO_TEST_PG");
        return string.IsNullOrWhiteSpace(configured) ? "Host=127.0.0.1;Port=5432;Username=totango;Password=totango-test-pw;Database=totango_test" : configured;
    }

    private static async Task<(PostgresDialect Dialect, string Connection, string Schema)?> PostgresAsync(CancellationToken cancellationToken)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await ExecuteAsync(Server(), $"CREATE SCHEMA {schema}", cancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }

        var connection = new NpgsqlConnectionStringBuilder(Server()) { SearchPath = schema }.ConnectionString;
        return (new PostgresDialect(connection, "bench", TimeSpan.FromSeconds(30)), connection, schema);
    }

    private static async Task<long> PostgresSizeAsync(string connection, string schema, CancellationToken cancellationToken)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.relkind = 'r'", open);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connection, string sql, CancellationToken cancellationToken)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
