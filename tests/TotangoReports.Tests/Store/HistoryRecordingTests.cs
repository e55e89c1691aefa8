using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;
using TotangoReports.Data.History;
using TotangoReports.Emulator;
using TotangoReports.Store.Internal;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Store;

/// <summary>
/// Issue 16 item 2: after a live, complete, delivered run of a definition with <c>history:</c>, one snapshot per
/// dataset lands in the store in the run's transaction; failed, held, sample, snapshot and partial runs record nothing.
/// </summary>
public sealed class HistoryRecordingTests
{
    internal const string Token = "history-token";

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    internal const string Weekly = """
        title: Weekly with history
        timezone: UTC
        history: { keep: 2w }
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account ID, path: account_id }
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Health, path: engagement.health.current }
              - { name: Renewal, path: attributes.Renewal-Date, type: date }
              - { name: Last activity, path: stats.last_activity, type: datetime }
        outputs:
          - { format: csv, file: accounts.csv }
          - { format: html, file: weekly.html }
        """;

    [Fact]
    public async Task LiveCompleteRun_RecordsOneSnapshotPerDataset_AtTheRunsTime_HoldingTheReportsRows()
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("weekly.yaml"));

        // Assert: the snapshot holds what the CSV (read independently) shows, cell for cell.
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("history: recorded 120 rows of accounts at 2026-11-30T07:00:00.0000000+00:00");
        var snapshots = await SnapshotsAsync(cli, "Account ID", "Score", "Health", "Renewal", "Last activity");
        var snapshot = snapshots.ShouldHaveSingleItem();
        snapshot.TakenAt.ShouldBe(Now);
        var csv = CsvRows(cli.PathOf("out", "accounts.csv"));
        snapshot.Rows.Count.ShouldBe(csv.Count);
        snapshot.Rows.Count.ShouldBe(120);
        var byId = snapshot.Rows.ToDictionary(r => r.AccountId);
        foreach (var row in csv)
        {
            var recorded = byId[row["Account ID"]];
            recorded.Shown.ShouldBeTrue();
            recorded.Cells[0].ShouldBe(row["Account ID"]);
            recorded.Cells[1].ShouldBe(string.IsNullOrEmpty(row["Score"]) ? null : double.Parse(row["Score"], CultureInfo.InvariantCulture));
            recorded.Cells[2].ShouldBe(string.IsNullOrEmpty(row["Health"]) ? null : row["Health"]);
            recorded.Cells[3].ShouldBe(string.IsNullOrEmpty(row["Renewal"]) ? null : DateOnly.ParseExact(row["Renewal"], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            (recorded.Cells[4] as DateTimeOffset?)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ShouldBe(string.IsNullOrEmpty(row["Last activity"]) ? null : row["Last activity"]);
        }
    }

    [Fact]
    public async Task AsOfRuns_RecordAtTheirAsOfTime_AndKeepPrunesAsTheyGo()
    {
        // Arrange: a backfill of four weekly runs with keep: 2w.
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        var weeks = Enumerable.Range(0, 4).Select(w => Now.AddDays(-7 * (3 - w))).ToList();

        // Act
        foreach (var week in weeks)
        {
            var run = await cli.RunAsync("run", cli.PathOf("weekly.yaml"), "--as-of", week.ToString("O", CultureInfo.InvariantCulture));
            run.ExitCode.ShouldBe(0, run.ToString());
        }

        // Assert: the last run (at weeks[3]) pruned what was older than two weeks before it.
        (await SnapshotsAsync(cli, "Score")).Select(s => s.TakenAt).ShouldBe(weeks[1..]);
    }

    public static TheoryData<string, string[]> RunsThatRecordNothing() => new()
    {
        { "sample", ["--sample"] },
        { "snapshot", ["--snapshot", "snap"] },
        { "partial formats", ["--format", "csv"] },
        { "held by --strict", ["--strict"] },
        { "failed fetch", [] },
    };

    [Theory]
    [MemberData(nameof(RunsThatRecordNothing))]
    public async Task RunThatDidNotDoTheWholeJob_RecordsNothing(string why, string[] options)
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        if (why == "snapshot")
        {
            var fetched = await cli.RunAsync("fetch", cli.PathOf("weekly.yaml"), "--save", "snap", "--quiet");
            fetched.ExitCode.ShouldBe(0, fetched.ToString());
        }

        if (why == "held by --strict")
        {
            // A path no account has is a warning, which --strict turns into a hold.
            File.WriteAllText(cli.PathOf("weekly.yaml"), Weekly.Replace("path: attributes.Renewal-Date", "path: attributes.No-Such-Attribute", StringComparison.Ordinal));
        }

        if (why == "failed fetch")
        {
            emulator.Options.Faults.Add(new EmulatorFault { Page = 0, StatusCode = 500, Times = 1000 });
            cli.Variables["Totango__MaxRetries"] = "0";
        }

        // Act
        var result = await cli.RunAsync(["run", cli.PathOf("weekly.yaml"), .. options]);

        // Assert
        result.ExitCode.ShouldBe(why switch { "held by --strict" => 7, "failed fetch" => 4, _ => 0 }, result.ToString());
        (await SnapshotsAsync(cli, "Score")).ShouldBeEmpty(why);
        if (why is "sample" or "snapshot" or "partial formats")
        {
            result.Error.ShouldContain("history: this run records nothing: ");
        }
    }

    internal static Task<EmulatorHost> StartEmulatorAsync() =>
        EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 120, Token = Token }, TestContext.Current.CancellationToken);

    internal static CliHarness Arrange(EmulatorHost emulator)
    {
        var cli = new CliHarness { Time = new FakeTimeProvider(Now) };
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        File.WriteAllText(cli.PathOf("weekly.yaml"), Weekly);
        return cli;
    }

    /// <summary>Every snapshot of the weekly definition's accounts in the store beside it (none when there is no store).</summary>
    internal static async Task<IReadOnlyList<HistorySnapshot>> SnapshotsAsync(CliHarness cli, params string[] columns)
    {
        await using var store = new SqlReportStore(new SqliteDialect(cli.PathOf(".totango-reports.db"), TimeSpan.FromSeconds(10)));
        return await store.History("weekly").BetweenAsync("accounts", Now.AddYears(-5), Now.AddYears(5), columns, TestContext.Current.CancellationToken);
    }

    private static List<Dictionary<string, string>> CsvRows(string path)
    {
        using var reader = CsvReader.Create(File.ReadAllBytes(path), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToArray().Zip(reader.Current.ToArray()).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }
}
