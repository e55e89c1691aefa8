using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Parquet;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Store;
using TotangoReports.Store.Internal;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Store;

/// <summary>Issue 16 item 4: <c>history import | list | prune | export</c>, through the CLI, on a real store.</summary>
public sealed class HistoryCommandTests
{
    private static readonly DateTimeOffset Week1 = new(2026, 11, 16, 6, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Week2 = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Import_RecordsEachFetchSaveSnapshotAtItsFetchTime_AndListShowsThem()
    {
        // Arrange
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        await FetchAsync(cli, Week1, "snap1");
        await FetchAsync(cli, Week2, "snap2");

        // Act
        var imported = await cli.RunAsync("history", "import", cli.PathOf("weekly.yaml"), "snap1", "snap2");
        var listed = await cli.RunAsync("history", "list", cli.PathOf("weekly.yaml"));

        // Assert
        imported.ExitCode.ShouldBe(0, imported.ToString());
        imported.OutLines.ShouldBe(["snap1: accounts: 120 rows recorded at 2026-11-16T06:30:00Z", "snap2: accounts: 120 rows recorded at 2026-11-23T06:30:00Z"]);
        listed.ExitCode.ShouldBe(0, listed.ToString());
        var rows = listed.OutLines.Skip(1).Select(l => l.Split('\t')).ToList();
        rows.Select(r => (r[0], r[1], r[2], r[3], r[4])).ShouldBe([("weekly", "accounts", "2026-11-16T06:30:00Z", "120", "120"), ("weekly", "accounts", "2026-11-23T06:30:00Z", "120", "120")]);
        rows.ShouldAllBe(r => r[5].EndsWith(" KB", StringComparison.Ordinal));
        listed.Error.ShouldContain("2 snapshot(s) of 1 definition(s) in " + cli.PathOf(".totango-reports.db"));
        (await HistoryRecordingTests.SnapshotsAsync(cli, "Score")).Select(s => s.TakenAt).ShouldBe([Week1, Week2]);
        File.Exists(cli.PathOf("out", "run.json")).ShouldBeFalse("an import writes no report");
    }

    [Fact]
    public async Task Import_OfADefinitionWithAFilter_RecordsEveryFetchedAccount_WithWhetherTheReportShowedIt_AsALiveRunDoes()
    {
        // Arrange: the weekly report showing only the accounts that score under 50.
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        File.WriteAllText(cli.PathOf("weekly.yaml"), HistoryRecordingTests.Weekly.Replace("\noutputs:", "\n    filter: \"Score < 50\"\noutputs:", StringComparison.Ordinal));
        await FetchAsync(cli, Week1, "snap1");

        // Act
        var result = await cli.RunAsync("history", "import", cli.PathOf("weekly.yaml"), "snap1");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var snapshot = (await HistoryRecordingTests.SnapshotsAsync(cli, "Score")).ShouldHaveSingleItem();
        snapshot.Count.ShouldBe(120, "every fetched account, not only the rows the report showed");
        snapshot.ShownCount.ShouldBeInRange(1, snapshot.Count - 1);
        snapshot.Rows.Where(r => r.Shown).ShouldAllBe(r => r.Cells[0] is double && (double)r.Cells[0]! < 50);
        snapshot.Rows.Where(r => !r.Shown).ShouldAllBe(r => !(r.Cells[0] is double) || (double)r.Cells[0]! >= 50);
    }

    [Fact]
    public async Task Import_OfADefinitionWithoutHistory_IsExit2_WithTheFix()
    {
        // Arrange
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        await FetchAsync(cli, Week1, "snap1");
        File.WriteAllText(cli.PathOf("plain.yaml"), HistoryRecordingTests.Weekly.Replace("history: { keep: 2w }\n", string.Empty, StringComparison.Ordinal));

        // Act
        var result = await cli.RunAsync("history", "import", cli.PathOf("plain.yaml"), "snap1");

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("has no history: block, so nothing of it is recorded; add 'history: { keep: 104w }' to it");
        File.Exists(cli.PathOf(".totango-reports.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Prune_RemovesTheSnapshotsOlderThanKeep_AndSaysHowMany()
    {
        // Arrange: snapshots 3 weeks and 1 week before "now".
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        await FetchAsync(cli, Week1, "snap1");
        await FetchAsync(cli, Week2, "snap2");
        (await cli.RunAsync("history", "import", cli.PathOf("weekly.yaml"), "snap1", "snap2")).ExitCode.ShouldBe(0);
        cli.Time = new FakeTimeProvider(Week2.AddDays(3));

        // Act
        var result = await cli.RunAsync("history", "prune", cli.PathOf("weekly.yaml"), "--keep", "7d");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(["pruned 1 snapshot(s) of weekly taken before 2026-11-19T06:30:00Z"]);
        (await HistoryRecordingTests.SnapshotsAsync(cli, "Score")).Select(s => s.TakenAt).ShouldBe([Week2]);
    }

    [Fact]
    public async Task ExportParquet_OneFilePerDatasetPerSnapshotDate_ReadsBackWithTheStoresTypedValues()
    {
        // Arrange
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        await FetchAsync(cli, Week1, "snap1");
        await FetchAsync(cli, Week2, "snap2");
        (await cli.RunAsync("history", "import", cli.PathOf("weekly.yaml"), "snap1", "snap2")).ExitCode.ShouldBe(0);
        var stored = await HistoryRecordingTests.SnapshotsAsync(cli, "Account ID", "Account", "Score", "Health", "Renewal", "Last activity");

        // Act
        var result = await cli.RunAsync("history", "export", cli.PathOf("weekly.yaml"), "--format", "parquet", "--out", "warehouse");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe([Path.Combine("warehouse", "accounts", "snapshot_date=2026-11-16", "part-0.parquet"), Path.Combine("warehouse", "accounts", "snapshot_date=2026-11-23", "part-0.parquet")]);
        for (var i = 0; i < 2; i++)
        {
            var read = await ReadParquetAsync(cli.PathOf(result.OutLines[i]));
            var snapshot = stored[i];
            read.Fields.ShouldBe(["account_id", "snapshot_time", "shown", "Account ID", "Account", "Score", "Health", "Renewal", "Last activity"]);
            read.Ids.ShouldBe(snapshot.Rows.Select(r => r.AccountId));
            read.Times.ShouldAllBe(t => t == snapshot.TakenAt.UtcDateTime);
            read.Shown.ShouldAllBe(s => s);
            read.Scores.ShouldBe(snapshot.Rows.Select(r => r.Cells[2] as double?));
            read.Renewals.ShouldBe(snapshot.Rows.Select(r => r.Cells[4] as DateOnly?));
            read.LastActivity.ShouldBe(snapshot.Rows.Select(r => (r.Cells[5] as DateTimeOffset?)?.UtcDateTime));
            read.Scores.ShouldContain(s => s != null);
            read.Renewals.ShouldContain(d => d != null);
        }
    }

    [Fact]
    public async Task ExportCsv_SameLayout_WithUtcTimesAndRawNumbers()
    {
        // Arrange
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        await FetchAsync(cli, Week1, "snap1");
        (await cli.RunAsync("history", "import", cli.PathOf("weekly.yaml"), "snap1")).ExitCode.ShouldBe(0);
        var stored = (await HistoryRecordingTests.SnapshotsAsync(cli, "Account ID", "Account", "Score", "Health", "Renewal", "Last activity")).Single();

        // Act
        var result = await cli.RunAsync("history", "export", cli.PathOf("weekly.yaml"), "--format", "csv", "--out", "warehouse");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var file = cli.PathOf("warehouse", "accounts", "snapshot_date=2026-11-16", "part-0.csv");
        result.OutLines.ShouldBe([Path.Combine("warehouse", "accounts", "snapshot_date=2026-11-16", "part-0.csv")]);
        using var reader = CsvHelper.CsvReader.Create(File.ReadAllBytes(file), new CsvHelper.CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToArray().Zip(reader.Current.ToArray()).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        rows.Count.ShouldBe(stored.Rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = stored.Rows[i].Cells;
            rows[i]["account_id"].ShouldBe(stored.Rows[i].AccountId);
            rows[i]["snapshot_time"].ShouldBe("2026-11-16T06:30:00.000Z");
            rows[i]["shown"].ShouldBe("true");
            rows[i]["Score"].ShouldBe(cells[2] is double score ? score.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
            rows[i]["Renewal"].ShouldBe(cells[4] is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
        }
    }

    [Fact]
    public async Task ExportCsv_TextWithCommasQuotesLineBreaksOrALeadingEquals_IsQuotedPerRfc4180_AndReadsBackExactly()
    {
        // Arrange: one ordinary row, then one row per awkward note; a column name with a comma too.
        await using var engine = await TestStoreEngine.CreateAsync(StoreEngineKind.Sqlite);
        TableColumn[] columns = [new("Account", CellKind.Text), new("Note, free text", CellKind.Text), new("Score", CellKind.Number)];
        string[] notes = ["Jones, Smith & Co", "say \"hi\"", "line 1\r\nline 2", "only\rCR", "only\nLF", "=HYPERLINK(\"http://example.com\",\"x\")", "\"\""];
        List<HistoryRow> rows = [new("acct-0", ["Plain", null, 12.5], true), .. notes.Select((n, i) => new HistoryRow($"acct-{i + 1}", ["Quoted", n, null], false))];
        await using (var recorder = engine.Open())
        {
            await recorder.CommitAsync(new StoreCommit("weekly", Week1) { Snapshots = [new HistorySnapshot("accounts", Week1, columns, rows)] }, TestContext.Current.CancellationToken);
        }

        var warehouse = Path.Combine(Path.GetDirectoryName(engine.SqlitePath)!, "warehouse");
        await using var store = engine.Open();

        // Act
        var written = await HistoryExport.RunAsync(store, "weekly", "csv", warehouse, TestContext.Current.CancellationToken);

        // Assert: ordinary values byte for byte as before; the rest as CsvHelper's reader gives them back, raw.
        var bytes = await File.ReadAllBytesAsync(written.Single(), TestContext.Current.CancellationToken);
        Encoding.UTF8.GetString(bytes).ShouldStartWith("account_id,snapshot_time,shown,Account,\"Note, free text\",Score\r\nacct-0,2026-11-16T06:30:00.000Z,true,Plain,,12.5\r\n");
        using var reader = CsvHelper.CsvReader.Create(bytes, new CsvHelper.CsvReaderOptions { HasHeader = true, Separator = ',' });
        var read = new List<string[]>();
        while (reader.Read())
        {
            read.Add(reader.Current.ToArray());
        }

        reader.Headers.ToArray().ShouldBe(["account_id", "snapshot_time", "shown", "Account", "Note, free text", "Score"]);
        read.Count.ShouldBe(notes.Length + 1);
        read.Skip(1).Select(r => r[4]).ShouldBe(notes);
        read.Skip(1).ShouldAllBe(r => r.Length == 6 && r[3] == "Quoted" && r[5] == string.Empty);
    }

    private static async Task FetchAsync(CliHarness cli, DateTimeOffset at, string folder)
    {
        cli.Time = new FakeTimeProvider(at);
        var fetched = await cli.RunAsync("fetch", cli.PathOf("weekly.yaml"), "--save", folder, "--quiet");
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
    }

    private static async Task<ParquetRead> ReadParquetAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: TestContext.Current.CancellationToken);
        var fields = reader.Schema.DataFields;
        reader.RowGroupCount.ShouldBe(1);
        using var group = reader.OpenRowGroupReader(0);
        var count = (int)group.RowCount;
        var ids = new string?[count];
        await group.ReadAsync(fields[0], ids.AsMemory(), null, TestContext.Current.CancellationToken);
        var times = new DateTime[count];
        await group.ReadAsync<DateTime>(fields[1], times.AsMemory(), null, TestContext.Current.CancellationToken);
        var shown = new bool[count];
        await group.ReadAsync<bool>(fields[2], shown.AsMemory(), null, TestContext.Current.CancellationToken);
        var scores = new double?[count];
        await group.ReadAsync<double>(fields[5], scores.AsMemory(), null, TestContext.Current.CancellationToken);
        var renewals = new DateOnly?[count];
        await group.ReadAsync<DateOnly>(fields[7], renewals.AsMemory(), null, TestContext.Current.CancellationToken);
        var lastActivity = new DateTime?[count];
        await group.ReadAsync<DateTime>(fields[8], lastActivity.AsMemory(), null, TestContext.Current.CancellationToken);
        return new ParquetRead([.. fields.Select(f => f.Name)], ids, times, shown, scores, renewals, lastActivity);
    }

    private sealed record ParquetRead(string[] Fields, string?[] Ids, DateTime[] Times, bool[] Shown, double?[] Scores, DateOnly?[] Renewals, DateTime?[] LastActivity);
}
