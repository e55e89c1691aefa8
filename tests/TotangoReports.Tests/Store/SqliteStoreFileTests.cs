using Microsoft.Data.Sqlite;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>The SQLite file itself: created only by a write, WAL, and never silently replaced when it is damaged.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-store-").FullName;

    private string StorePath => Path.Combine(_folder, ".totango-reports.db");

    [Fact]
    public async Task Reads_OfAStoreThatDoesNotExist_AreEmpty_AndCreateNoFile()
    {
        // Arrange
        await using var store = Open();

        // Act
        var marks = await store.ReadWatermarksAsync("weekly", TestContext.Current.CancellationToken);
        var then = await store.History("weekly").AtOrBeforeAsync("accounts", Monday, ["Score"], TestContext.Current.CancellationToken);
        var delivery = await store.LastDeliveryAsync("weekly", DeliveryRecord.RollUp, TestContext.Current.CancellationToken);

        // Assert
        marks.ShouldBeEmpty();
        then.ShouldBeNull();
        delivery.ShouldBeNull();
        Directory.GetFiles(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task FirstWrite_CreatesTheFile_InWalMode()
    {
        // Arrange
        await using (var store = Open())
        {
            // Act
            await store.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = new Dictionary<string, DateTimeOffset> { ["accounts"] = Monday } }, TestContext.Current.CancellationToken);
        }

        // Assert
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        ((string?)await mode.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("wal");
    }

    [Theory]
    [InlineData("not a database")]
    [InlineData("truncated")]
    public async Task DamagedFile_IsAClearErrorNamingTheFileAndWhatToDo_AndIsLeftAsItWas(string damage)
    {
        // Arrange
        await WriteDamagedStoreAsync(damage);
        var before = await File.ReadAllBytesAsync(StorePath, TestContext.Current.CancellationToken);
        await using var store = Open();

        // Act
        var error = await Should.ThrowAsync<ReportStoreException>(async () =>
        {
            await store.ReadWatermarksAsync("weekly", TestContext.Current.CancellationToken);
            await store.History("weekly").BetweenAsync("accounts", Monday.AddYears(-1), Monday.AddYears(1), ["Score"], TestContext.Current.CancellationToken);
        });

        // Assert
        error.Message.ShouldStartWith(StorePath + ": the store is damaged or is not a SQLite database (");
        error.Message.ShouldContain("restore it from a backup, or move it aside to start an empty store");
        (await File.ReadAllBytesAsync(StorePath, TestContext.Current.CancellationToken)).ShouldBe(before, "a damaged store is never replaced");
    }

    [Fact]
    public async Task ALockHeldLongerThanTheBusyTimeout_IsAClearError()
    {
        // Arrange: another run holds the write lock.
        await using (var setup = Open())
        {
            await setup.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = new Dictionary<string, DateTimeOffset> { ["accounts"] = Monday } }, TestContext.Current.CancellationToken);
        }

        await using var holder = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        using var held = holder.BeginTransaction(deferred: false);
        await using var store = Open(TimeSpan.FromMilliseconds(300));

        // Act
        var error = await Should.ThrowAsync<ReportStoreException>(() => store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7)) { Watermarks = new Dictionary<string, DateTimeOffset> { ["accounts"] = Monday.AddDays(7) } }, TestContext.Current.CancellationToken));

        // Assert
        error.Message.ShouldStartWith(StorePath + ": the store stayed busy with another run's write for longer than 0.3 s");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>"not a database": text where the file should be; "truncated": a real store cut to its first page.</summary>
    internal static async Task WriteDamagedStoreAsync(string path, string damage)
    {
        if (damage == "not a database")
        {
            await File.WriteAllTextAsync(path, "this is a spreadsheet someone saved over the store, not SQLite at all", TestContext.Current.CancellationToken);
            return;
        }

        await using (var store = new SqlReportStore(new SqliteDialect(path, TimeSpan.FromSeconds(5))))
        {
            for (var week = 0; week < 3; week++)
            {
                var rows = Enumerable.Range(0, 2000).Select(i => new TotangoReports.Data.History.HistoryRow("acct-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), [Guid.NewGuid().ToString()], true)).ToList();
                await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7 * week)) { Snapshots = [new("accounts", Monday.AddDays(7 * week), [new("Score", TotangoReports.Data.CellKind.Text)], rows)] }, TestContext.Current.CancellationToken);
            }
        }

        // Checkpointed (the last connection closed), then cut: the header still says SQLite, the pages are gone.
        File.Exists(path + "-wal").ShouldBeFalse("the WAL was checkpointed into the file");
        await using var file = new FileStream(path, FileMode.Open);
        file.SetLength(4096 * 3);
    }

    private Task WriteDamagedStoreAsync(string damage) => WriteDamagedStoreAsync(StorePath, damage);

    private SqlReportStore Open(TimeSpan? busy = null) => new(new SqliteDialect(StorePath, busy ?? TimeSpan.FromSeconds(5)));
}
