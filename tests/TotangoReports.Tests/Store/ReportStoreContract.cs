using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>
/// What the store promises (PRODUCT.md §8), run the same on every engine: SQLite in <see cref="SqliteReportStoreTests"/>,
/// a real PostgreSQL in <see cref="PostgresReportStoreTests"/>.
/// </summary>
public abstract class ReportStoreContract(StoreEngineKind kind) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly TableColumn[] Columns =
    [
        new("Account", CellKind.Text),
        new("Score", CellKind.Number, "0.0"),
        new("Renewal", CellKind.Date, "yyyy-mm-dd"),
        new("Last login", CellKind.DateTime),
        new("Tasks 30d", CellKind.Number, null, new ActivityColumn("create-task", "past_30d")),
    ];

    private TestStoreEngine? _engine;

    private protected TestStoreEngine Engine => _engine!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _engine = await TestStoreEngine.CreateAsync(kind);

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Watermarks_CommittedForOneDefinition_AreReadBackForItOnly_AndALaterCommitReplacesThem()
    {
        // Arrange
        await using var store = Engine.Open();

        // Act
        await store.CommitAsync(new StoreCommit("delta", Monday) { Watermarks = Marks(("inactive", Monday), ("churned", Monday.AddHours(-1))) }, Token);
        await store.CommitAsync(new StoreCommit("delta", Monday.AddDays(7)) { Watermarks = Marks(("inactive", Monday.AddDays(7))) }, Token);

        // Assert
        await using var reader = Engine.Open();
        var marks = await reader.ReadWatermarksAsync("delta", Token);
        marks["inactive"].ShouldBe(Monday.AddDays(7));
        marks["churned"].ShouldBe(Monday.AddHours(-1));
        (await reader.ReadWatermarksAsync("other", Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Snapshot_RecordedThenRead_KeepsEveryTypedCellAndShownFlag_WithInstantsInUtc()
    {
        // Arrange
        var recorded = Snapshot("accounts", Monday, 5, shownEvery: 2);
        await using var store = Engine.Open();
        await store.CommitAsync(new StoreCommit("weekly", Monday) { Snapshots = [recorded] }, Token);

        // Act
        await using var reader = Engine.Open();
        var read = await reader.History("weekly").AtOrBeforeAsync("accounts", Monday, [.. Columns.Select(c => c.Name)], Token);

        // Assert
        read.ShouldNotBeNull();
        read.TakenAt.ShouldBe(Monday);
        read.Columns.ShouldBe(Columns);
        read.Rows.Select(r => r.AccountId).ShouldBe(recorded.Rows.Select(r => r.AccountId));
        read.Rows.Select(r => r.Shown).ShouldBe([true, false, true, false, true]);
        read.Rows[1].Cells.ShouldBe(["Account 1", 11.5, new DateOnly(2027, 1, 2), new DateTimeOffset(2026, 11, 20, 7, 30, 0, TimeSpan.Zero), 1.0]);
        read.Rows[1].Cells[3].ShouldBeOfType<DateTimeOffset>().Offset.ShouldBe(TimeSpan.Zero);
        read.Rows[0].Cells[2].ShouldBeNull("a null cell stays null, never a zero");
        read.ShownCount.ShouldBe(3);
    }

    [Fact]
    public async Task AtOrBefore_ReturnsTheNewestSnapshotAtOrBeforeTheInstant_ProjectedToTheColumnsAsked()
    {
        // Arrange
        await using var store = Engine.Open();
        foreach (var week in new[] { 0, 1, 2 })
        {
            await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7 * week)) { Snapshots = [Snapshot("accounts", Monday.AddDays(7 * week), 3, scoreBase: 100 * week)] }, Token);
        }

        var history = store.History("weekly");

        // Act
        var exact = await history.AtOrBeforeAsync("accounts", Monday.AddDays(7), ["Score", "Never recorded"], Token);
        var between = await history.AtOrBeforeAsync("accounts", Monday.AddDays(13), ["Score"], Token);
        var before = await history.AtOrBeforeAsync("accounts", Monday.AddTicks(-1), ["Score"], Token);
        var otherDataset = await history.AtOrBeforeAsync("users", Monday.AddDays(30), ["Score"], Token);

        // Assert
        exact!.TakenAt.ShouldBe(Monday.AddDays(7));
        exact.Columns.Select(c => c.Name).ShouldBe(["Score"], "a column it never recorded is absent, not empty");
        exact.Rows.Select(r => r.Cells[0]).ShouldBe([100.0, 101.5, 103.0]);
        between!.TakenAt.ShouldBe(Monday.AddDays(7));
        before.ShouldBeNull();
        otherDataset.ShouldBeNull();
    }

    [Fact]
    public async Task Between_ReturnsTheSnapshotsAfterTheStartUpToTheEnd_OldestFirst()
    {
        // Arrange
        await using var store = Engine.Open();
        for (var week = 0; week < 5; week++)
        {
            await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7 * week)) { Snapshots = [Snapshot("accounts", Monday.AddDays(7 * week), 2, scoreBase: week)] }, Token);
        }

        // Act
        var read = await store.History("weekly").BetweenAsync("accounts", Monday.AddDays(7), Monday.AddDays(28), ["Score"], Token);

        // Assert
        read.Select(s => s.TakenAt).ShouldBe([Monday.AddDays(14), Monday.AddDays(21), Monday.AddDays(28)]);
        read.Select(s => s.Rows[0].Cells[0]).ShouldBe([2.0, 3.0, 4.0]);
    }

    [Fact]
    public async Task Between_HoldsEachAccountIdOnce_ForEverySnapshotRead_AndFindsEachWeeksRows()
    {
        // Arrange: three weeks of 300 accounts; the last week lost account 0 and gained account 300, so its ids differ.
        await using var store = Engine.Open();
        for (var week = 0; week < 3; week++)
        {
            var snapshot = Snapshot("accounts", Monday.AddDays(7 * week), 301, scoreBase: week);
            var rows = snapshot.Rows.Where(r => week == 2 ? r.AccountId != "acct-0" : r.AccountId != "acct-300").ToList();
            await store.CommitAsync(new StoreCommit("weekly", snapshot.TakenAt) { Snapshots = [new HistorySnapshot("accounts", snapshot.TakenAt, Columns, rows)] }, Token);
        }

        // Act
        var read = await store.History("weekly").BetweenAsync("accounts", Monday.AddDays(-1), Monday.AddDays(14), ["Score", "Account"], Token);

        // Assert
        read.Count.ShouldBe(3);
        read[1].Keys.ShouldBeSameAs(read[0].Keys, "an unchanged list shares its keys");
        ReferenceEquals(read[0].AccountId(read[0].RowOf("acct-7")), read[2].AccountId(read[2].RowOf("acct-7"))).ShouldBeTrue("one string per id across the read");
        read[2].RowOf("acct-0").ShouldBe(-1);
        read[0].RowOf("acct-300").ShouldBe(-1);
        read[2].Cell(read[2].RowOf("acct-300"), read[2].ColumnOf("Score")).ShouldBe(2 + (1.5 * 300));
        read[0].Cell(read[0].RowOf("acct-7"), read[0].ColumnOf("Account")).ShouldBe("Account 7");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Between_OverMoreSnapshotsThanOneQueryAsksFor_ReadsEveryOne()
    {
        // Arrange: 520 hourly snapshots of one account, more than the 500 a column query takes at once.
        await using var store = Engine.Open();
        for (var hour = 0; hour < 520; hour++)
        {
            await store.CommitAsync(new StoreCommit("hourly", Monday.AddHours(hour)) { Snapshots = [Snapshot("accounts", Monday.AddHours(hour), 1, scoreBase: hour)] }, Token);
        }

        // Act
        var read = await store.History("hourly").BetweenAsync("accounts", Monday.AddDays(-1), Monday.AddDays(30), ["Score"], Token);

        // Assert
        read.Count.ShouldBe(520);
        read.Select(s => s.Cell(0, s.ColumnOf("Score"))).ShouldBe(Enumerable.Range(0, 520).Select(h => (object?)(double)h));
    }

    [Fact]
    public async Task Snapshot_RecordedAgainAtTheSameInstant_ReplacesTheFirst()
    {
        // Arrange: a backfill run twice.
        await using var store = Engine.Open();
        await store.CommitAsync(new StoreCommit("weekly", Monday) { Snapshots = [Snapshot("accounts", Monday, 4)] }, Token);

        // Act
        await store.CommitAsync(new StoreCommit("weekly", Monday) { Snapshots = [Snapshot("accounts", Monday, 2, scoreBase: 50)] }, Token);

        // Assert
        var all = await store.History("weekly").BetweenAsync("accounts", Monday.AddYears(-1), Monday, ["Score"], Token);
        all.Count.ShouldBe(1);
        all[0].Rows.Select(r => r.Cells[0]).ShouldBe([50.0, 51.5]);
    }

    [Fact]
    public async Task Keep_PrunesTheDefinitionsSnapshotsOlderThanTheRunMinusKeep_AndNoOtherDefinitions()
    {
        // Arrange
        await using var store = Engine.Open();
        for (var week = 0; week < 4; week++)
        {
            await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7 * week)) { Snapshots = [Snapshot("accounts", Monday.AddDays(7 * week), 2)] }, Token);
        }

        await store.CommitAsync(new StoreCommit("other", Monday) { Snapshots = [Snapshot("accounts", Monday, 2)] }, Token);

        // Act: a run in week 4 keeping 2 weeks keeps weeks 2, 3 and 4.
        await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(28)) { Snapshots = [Snapshot("accounts", Monday.AddDays(28), 2)], Keep = TimeSpan.FromDays(14) }, Token);

        // Assert
        var left = await store.History("weekly").BetweenAsync("accounts", Monday.AddYears(-1), Monday.AddYears(1), ["Score"], Token);
        left.Select(s => s.TakenAt).ShouldBe([Monday.AddDays(14), Monday.AddDays(21), Monday.AddDays(28)]);
        (await store.History("other").AtOrBeforeAsync("accounts", Monday, ["Score"], Token)).ShouldNotBeNull();
    }

    [Fact]
    public async Task LastDelivery_IsTheNewestPerScope_AndNullWhenNone()
    {
        // Arrange
        await using var store = Engine.Open();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["accounts"] = 12 };
        await store.CommitAsync(new StoreCommit("weekly", Monday) { Deliveries = [new DeliveryRecord(DeliveryRecord.RollUp, Monday, counts, "aa"), new DeliveryRecord("Dana", Monday, counts, "bb")] }, Token);

        // Act
        await store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7)) { Deliveries = [new DeliveryRecord(DeliveryRecord.RollUp, Monday.AddDays(7), new Dictionary<string, int>(StringComparer.Ordinal) { ["accounts"] = 15 }, "cc")] }, Token);

        // Assert
        var rollUp = await store.LastDeliveryAsync("weekly", DeliveryRecord.RollUp, Token);
        rollUp!.DeliveredAt.ShouldBe(Monday.AddDays(7));
        rollUp.RowCounts["accounts"].ShouldBe(15);
        rollUp.RowsDigest.ShouldBe("cc");
        (await store.LastDeliveryAsync("weekly", "Dana", Token))!.RowsDigest.ShouldBe("bb");
        (await store.LastDeliveryAsync("weekly", "Noam", Token)).ShouldBeNull();
        (await store.LastDeliveryAsync("other", DeliveryRecord.RollUp, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Commit_ThatFailsHalfWay_LeavesTheStoreAsItWas()
    {
        // Arrange: the second snapshot names one column twice, so the engine refuses its second column mid-transaction.
        await using var store = Engine.Open();
        await store.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = Marks(("accounts", Monday)) }, Token);
        var broken = new HistorySnapshot("users", Monday.AddDays(7), [Columns[0], Columns[0]], [new HistoryRow("1", ["one", "two"], true)]);

        // Act
        await Should.ThrowAsync<Exception>(() => store.CommitAsync(new StoreCommit("weekly", Monday.AddDays(7)) { Watermarks = Marks(("accounts", Monday.AddDays(7))), Snapshots = [Snapshot("accounts", Monday.AddDays(7), 3), broken] }, Token));

        // Assert
        await using var reader = Engine.Open();
        (await reader.ReadWatermarksAsync("weekly", Token))["accounts"].ShouldBe(Monday);
        (await reader.History("weekly").AtOrBeforeAsync("accounts", Monday.AddDays(30), ["Score"], Token)).ShouldBeNull();
    }

    [Fact]
    public async Task TwoRunsCommittingAtOnce_BothLand_AndTheStoreStaysWhole()
    {
        // Arrange: two connections, as two processes or pods would have, each committing 10 times as fast as it can.
        await using var first = Engine.Open();
        await using var second = Engine.Open();
        await first.ReadWatermarksAsync("a", Token);

        // Act
        await Task.WhenAll(CommitManyAsync(first, "a"), CommitManyAsync(second, "b"));

        // Assert
        await using var reader = Engine.Open();
        foreach (var key in new[] { "a", "b" })
        {
            (await reader.ReadWatermarksAsync(key, Token))["accounts"].ShouldBe(Monday.AddDays(9));
            var all = await reader.History(key).BetweenAsync("accounts", Monday.AddDays(-1), Monday.AddDays(10), ["Score", "Account"], Token);
            all.Count.ShouldBe(10);
            all.ShouldAllBe(s => s.Rows.Count == 200 && s.Columns.Count == 2);
        }
    }

    [Fact]
    public async Task Open_OfAStoreAtTheLatestVersion_ReadsWhileAnotherRunHoldsTheWritersLock_WithoutWaitingForIt()
    {
        // Arrange: a current store, and another run in the middle of its commit (SQLite: BEGIN IMMEDIATE held; PostgreSQL:
        // the writers' advisory lock held), taken the way every writer takes it.
        await using (var first = Engine.Open())
        {
            await first.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = Marks(("accounts", Monday)), Snapshots = [Snapshot("accounts", Monday, 3)] }, Token);
        }

        await using var writer = Engine.Open();
        await using var writerConnection = writer.Dialect.CreateConnection();
        await writerConnection.OpenAsync(Token);
        await writer.Dialect.ConfigureAsync(writerConnection, Token);
        await using var held = await writer.Dialect.BeginWriteAsync(writerConnection, Token);

        // Act: a reader whose busy timeout is far longer than the test allows, so waiting for the writer would show.
        await using var reader = Engine.Open(busyTimeout: TimeSpan.FromMinutes(2));
        var read = Task.Run(
            async () =>
            {
                var marks = await reader.ReadWatermarksAsync("weekly", Token);
                var listed = await reader.ListAsync("weekly", Token);
                return (marks, listed);
            },
            Token);
        var (watermarks, snapshots) = await read.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // Assert
        watermarks["accounts"].ShouldBe(Monday);
        snapshots.Select(s => s.TakenAt).ShouldBe([Monday]);
        await held.RollbackAsync(Token);
    }

    [Fact]
    public async Task NewStore_HasTheLatestSchemaVersion_AndAStoreFromANewerVersionIsAClearError()
    {
        // Arrange
        await using (var store = Engine.Open())
        {
            await store.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = Marks(("accounts", Monday)) }, Token);
            var connection = (await store.OpenAsync(create: false, Token))!;
            (await StoreSchema.VersionAsync(connection, null, Token)).ShouldBe(StoreSchema.Latest);
            await using var bump = connection.CreateCommand();
            bump.CommandText = "UPDATE store_schema_version SET version = 99";
            await bump.ExecuteNonQueryAsync(Token);
        }

        // Act
        await using var newer = Engine.Open();
        var error = await Should.ThrowAsync<ReportStoreException>(() => newer.ReadWatermarksAsync("weekly", Token));

        // Assert
        error.Message.ShouldContain($"the store has schema version 99, written by a newer totango-reports (this one knows up to {StoreSchema.Latest}); upgrade totango-reports");
    }

    [Fact]
    public async Task StoreAtVersion1_IsMigratedToTheLatestOnOpen_KeepingWhatItHolds()
    {
        // Arrange: a store as the first release left it (version 1, no table of legacy imports).
        await using (var store = Engine.Open())
        {
            await store.CommitAsync(new StoreCommit("weekly", Monday) { Watermarks = Marks(("accounts", Monday)) }, Token);
            var connection = (await store.OpenAsync(create: false, Token))!;
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE store_legacy_imports; UPDATE store_schema_version SET version = 1";
            await downgrade.ExecuteNonQueryAsync(Token);
        }

        // Act
        await using var reopened = Engine.Open();
        var imported = await reopened.LegacyStateImportedAsync("weekly", Token);

        // Assert
        imported.ShouldBeFalse();
        (await StoreSchema.VersionAsync((await reopened.OpenAsync(create: false, Token))!, null, Token)).ShouldBe(StoreSchema.Latest);
        (await reopened.ReadWatermarksAsync("weekly", Token))["accounts"].ShouldBe(Monday);
    }

    protected static Dictionary<string, DateTimeOffset> Marks(params (string Dataset, DateTimeOffset At)[] marks) =>
        marks.ToDictionary(m => m.Dataset, m => m.At, StringComparer.Ordinal);

    /// <summary>A snapshot of <paramref name="rows"/> accounts with every kind of cell; row 0's date is null.</summary>
    private protected static HistorySnapshot Snapshot(string dataset, DateTimeOffset at, int rows, int shownEvery = 1, double scoreBase = 10) =>
        new(dataset, at, Columns, [.. Enumerable.Range(0, rows).Select(i => new HistoryRow(
            "acct-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                "Account " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                scoreBase + (1.5 * i),
                i == 0 ? null : new DateOnly(2027, 1, 1).AddDays(i),
                new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(2)),
                (double)i,
            ],
            i % shownEvery == 0))]);

    private static async Task CommitManyAsync(SqlReportStore store, string key)
    {
        for (var i = 0; i < 10; i++)
        {
            await store.CommitAsync(new StoreCommit(key, Monday.AddDays(i)) { Watermarks = Marks(("accounts", Monday.AddDays(i))), Snapshots = [Snapshot("accounts", Monday.AddDays(i), 200)] }, Token);
        }
    }
}

public sealed class SqliteReportStoreTests() : ReportStoreContract(StoreEngineKind.Sqlite);

public sealed class PostgresReportStoreTests() : ReportStoreContract(StoreEngineKind.Postgres);
