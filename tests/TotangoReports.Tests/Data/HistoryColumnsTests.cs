using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Data.Internal;
using TotangoReports.Definition;
using TotangoReports.Fixtures;

namespace TotangoReports.Tests.Data;

/// <summary>
/// History read in the Data stage (PRODUCT.md §4b): change/previous/trend cells joined on account id from the newest
/// snapshot at or before now − over + 12h, empty (never zero) when there is none; KPI compare and over-charts over the
/// snapshots' shown rows; the rows the store records.
/// </summary>
public sealed class HistoryColumnsTests
{
    private static readonly DateTimeOffset Now = DataKit.Now;

    private const string Yaml = """
        title: H
        history: {}
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Health, path: engagement.health.current }
              - { name: Double, expr: 'Score * 2', type: number }
              - { name: Score change 7d, change: Score, over: 7d }
              - { name: Health 7d ago, previous: Health, over: 7d }
              - { name: Double change 7d, change: Double, over: 7d }
              - { name: Score 4w, trend: Score, over: 4w }
            FILTER
        summary:
          kpis:
            - { label: Average score, value: avg(Score), compare: 7d }
            - { label: Poor, value: 'count(Health == "Poor")', compare: 7d }
          charts:
            - { title: Average score weekly, type: line, y: avg(Score), over: 4w }
            - { title: Health weekly, type: stacked-bar, y: count, series: Health, over: 4w }
        outputs:
          - { format: csv, file: a.csv }
        """;

    private static string Account(string id, double score, string health) =>
        "{\"account_id\":\"" + id + "\",\"name\":\"" + id + " Inc\",\"engagement\":{\"score\":{\"current\":"
        + score.ToString(System.Globalization.CultureInfo.InvariantCulture) + "},\"health\":{\"current\":\"" + health + "\"}}}";

    private static HistorySnapshot Snapshot(DateTimeOffset takenAt, params (string Id, double? Score, string? Health, bool Shown)[] rows) =>
        new("accounts", takenAt, [new TableColumn("Account", CellKind.Text), new TableColumn("Score", CellKind.Number), new TableColumn("Health", CellKind.Text), new TableColumn("Double", CellKind.Number)],
            [.. rows.Select(r => new HistoryRow(r.Id, [r.Id + " Inc", r.Score, r.Health, r.Score * 2], r.Shown))]);

    private static async Task<(DatasetTable Table, IReadOnlyList<string> Warnings)> BuildAsync(IHistoryReader? reader, string filter = "", bool record = false, params string[] accounts) =>
        await BuildAsync(reader, burstBy: null, filter, record, accounts);

    private static async Task<(DatasetTable Table, IReadOnlyList<string> Warnings)> BuildAsync(IHistoryReader? reader, string? burstBy, string filter = "", bool record = false, params string[] accounts)
    {
        var definition = ReportEngine.ParseDefinition(Yaml.Replace("FILTER", filter, StringComparison.Ordinal), "h.yaml");
        var dataset = definition.Datasets[0];
        var builder = new DatasetBuilder(dataset, DataKit.Context()) { Summary = definition.Summary, Records = record, BurstBy = burstBy };
        foreach (var account in accounts)
        {
            builder.Add(ReturnType.Stats, DataKit.Json(account));
        }

        builder.History = reader is null ? null : await HistoryInputs.LoadAsync(reader, dataset, definition.Summary, Now, TimeZoneInfo.Utc, CancellationToken.None, burstBy);
        var table = builder.Build(new FetchSummary());
        return (table, builder.Warnings);
    }

    private static Dictionary<string, object?> Row(DatasetTable table, string id) =>
        table.Columns.Select((c, i) => (c.Name, Value: table.Rows.Single(r => r.AccountId == id)[i])).ToDictionary(x => x.Name, x => x.Value);

    [Fact]
    public async Task ChangeAndPrevious_ReadTheNewestSnapshotAtOrBeforeThen_JoinedOnAccountId()
    {
        // Arrange: the week-ago snapshot ran 6 hours late (within the 12 h slack); an older one must not be chosen.
        var reader = new InMemoryHistoryReader()
            .Add(Snapshot(Now.AddDays(-14), ("a1", 10, "Poor", true), ("a2", 10, "Poor", true)))
            .Add(Snapshot(Now.AddDays(-7).AddHours(6), ("a1", 40, "Average", true), ("a2", 70, "Good", true)));

        // Act
        var (table, warnings) = await BuildAsync(reader, accounts: [Account("a1", 55, "Average"), Account("a2", 62, "Average"), Account("a3", 30, "Poor")]);

        // Assert
        Row(table, "a1")["Score change 7d"].ShouldBe(15d);
        Row(table, "a1")["Health 7d ago"].ShouldBe("Average");
        Row(table, "a1")["Double change 7d"].ShouldBe(30d);
        Row(table, "a2")["Score change 7d"].ShouldBe(-8d);
        Row(table, "a2")["Health 7d ago"].ShouldBe("Good");
        Row(table, "a3")["Score change 7d"].ShouldBeNull();
        Row(table, "a3")["Health 7d ago"].ShouldBeNull();
        table.Columns[table.ColumnIndex("Score change 7d")].Kind.ShouldBe(CellKind.Number);
        warnings.ShouldNotContain(w => w.Contains("no history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoSnapshotThen_CellsAreEmptyNotZero_AndOneWarningNamesThem()
    {
        // Arrange: history exists, but only from yesterday: nothing a week back.
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-1), ("a1", 40, "Average", true)));

        // Act
        var (table, warnings) = await BuildAsync(reader, accounts: [Account("a1", 55, "Average")]);

        // Assert
        Row(table, "a1")["Score change 7d"].ShouldBeNull();
        Row(table, "a1")["Health 7d ago"].ShouldBeNull();
        table.Summary!.Kpis[0].Compare.ShouldBe(new KpiComparison(null, null, "7d"));
        warnings.Count(w => w.Contains("no history", StringComparison.Ordinal)).ShouldBe(1);
        warnings.ShouldContain("dataset 'accounts': no history 7d before 2026-11-20: Score change 7d, Health 7d ago, Double change 7d, the compare of KPI 'Average score', the compare of KPI 'Poor' are empty.");
    }

    [Fact]
    public async Task FirstRun_WithNoHistoryAtAll_GivesNoWarning()
    {
        var (table, warnings) = await BuildAsync(new InMemoryHistoryReader(), accounts: [Account("a1", 55, "Average")]);

        Row(table, "a1")["Score change 7d"].ShouldBeNull();
        warnings.ShouldNotContain(w => w.Contains("no history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trend_IsTheWeeklyValuesOldestFirst_NowLast_EmptyForMissingWeeks()
    {
        // Arrange: weeks 3, 1 back (week 2 missing); a1 absent three weeks ago.
        var reader = new InMemoryHistoryReader()
            .Add(Snapshot(Now.AddDays(-21), ("a2", 30, "Poor", true)))
            .Add(Snapshot(Now.AddDays(-7), ("a1", 50.5, "Average", true), ("a2", 35, "Poor", true)));

        // Act
        var (table, _) = await BuildAsync(reader, accounts: [Account("a1", 55, "Average"), Account("a2", 40, "Average")]);

        // Assert
        Row(table, "a1")["Score 4w"].ShouldBe(";;50.5;55");
        Row(table, "a2")["Score 4w"].ShouldBe("30;;35;40");
        table.Columns[table.ColumnIndex("Score 4w")].Trend.ShouldBeTrue();
    }

    [Fact]
    public async Task Filter_CanReadPreviousValues_NewlyPoorThisWeek()
    {
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-7), ("a1", 50, "Average", true), ("a2", 20, "Poor", true)));

        var (table, _) = await BuildAsync(
            reader,
            filter: """filter: 'Health == "Poor" && row["Health 7d ago"] != "Poor"'""",
            accounts: [Account("a1", 30, "Poor"), Account("a2", 25, "Poor"), Account("a3", 80, "Good")]);

        table.Rows.Select(r => r.AccountId).ShouldBe(["a1"]);
    }

    [Fact]
    public async Task KpiCompare_InABurstReport_ComparesTheValuesOwnRowsThen_NotTheWholeReport()
    {
        // Arrange: bursting by Health; then, a1 and a2 were Poor, a3 Average.
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-7), ("a1", 40, "Poor", true), ("a2", 60, "Poor", true), ("a3", 90, "Average", true)));

        // Act
        var (table, _) = await BuildAsync(reader, burstBy: "Health", accounts: [Account("a1", 55, "Average"), Account("a2", 62, "Poor"), Account("a3", 80, "Average")]);
        var slices = table.Bursts!.ToDictionary(s => s.Value);

        // Assert: Poor now {a2: 62}, then {40, 60}; Average now {55, 80}, then {90}. The whole report: 65.67 vs 63.33.
        slices["Poor"].Summary.Kpis[0].Compare.ShouldBe(new KpiComparison(50, 12, "7d"));
        slices["Poor"].Summary.Kpis[1].Compare.ShouldBe(new KpiComparison(2, -1, "7d"));
        slices["Average"].Summary.Kpis[0].Compare.ShouldBe(new KpiComparison(90, -22.5, "7d"));
        slices["Average"].Summary.Kpis[1].Compare.ShouldBe(new KpiComparison(0, 0, "7d"));
    }

    [Fact]
    public async Task KpiCompare_InABurstByAColumnNoAggregateNames_StillReadsThatColumnThen()
    {
        // Arrange: bursting by Account, which no KPI or chart names: the loader must read it anyway.
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-7), ("a1", 40, "Poor", true), ("a2", 60, "Poor", true)));

        // Act
        var (table, _) = await BuildAsync(reader, burstBy: "Account", accounts: [Account("a1", 55, "Average"), Account("a2", 62, "Poor")]);
        var slices = table.Bursts!.ToDictionary(s => s.Value);

        // Assert: each account's own score then.
        slices["a1 Inc"].Summary.Kpis[0].Compare.ShouldBe(new KpiComparison(40, 15, "7d"));
        slices["a2 Inc"].Summary.Kpis[0].Compare.ShouldBe(new KpiComparison(60, 2, "7d"));
    }

    [Fact]
    public async Task KpiCompare_IsTheAggregateOverThenShownRows_AndTheDelta()
    {
        // Arrange: a hidden row then (Shown = false) must not count, whatever its values.
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-7), ("a1", 40, "Poor", true), ("a2", 60, "Poor", true), ("a9", 0, "Poor", false)));

        // Act
        var (table, _) = await BuildAsync(reader, accounts: [Account("a1", 55, "Average"), Account("a2", 62, "Poor")]);

        // Assert: avg now 58.5, then 50; Poor now 1, then 2.
        table.Summary!.Kpis[0].Compare.ShouldBe(new KpiComparison(50, 8.5, "7d"));
        table.Summary.Kpis[1].Compare.ShouldBe(new KpiComparison(2, -1, "7d"));
    }

    [Fact]
    public async Task OverCharts_HaveAPointPerSnapshotInTheSpan_PlusNow()
    {
        var reader = new InMemoryHistoryReader()
            .Add(Snapshot(Now.AddDays(-35), ("a1", 99, "Good", true)))
            .Add(Snapshot(Now.AddDays(-14), ("a1", 40, "Poor", true), ("a2", 60, "Average", true)))
            .Add(Snapshot(Now.AddDays(-7), ("a1", 50, "Average", true), ("a2", 70, "Good", true), ("a3", 10, "Poor", false)));

        var (table, _) = await BuildAsync(reader, accounts: [Account("a1", 55, "Average"), Account("a2", 75, "Good")]);

        var line = table.Summary!.Charts[0];
        line.Labels.ShouldBe(["Nov 13", "Nov 20", "Nov 27"]);
        line.Values.ShouldBe([50d, 60d, 65d]);
        var stacked = table.Summary.Charts[1];
        stacked.Series.ShouldBe(["Good", "Average", "Poor"]);
        stacked.Stacks.ShouldBe([[0d, 1d, 1d], [1d, 1d, 1d], [1d, 0d, 0d]]);
        stacked.Values.ShouldBe([2d, 2d, 2d]);
    }

    [Fact]
    public async Task RecordedRows_AreEveryAccountBeforeFilter_WithShown_AndNoHistoryColumns()
    {
        var (table, _) = await BuildAsync(
            new InMemoryHistoryReader(),
            filter: """filter: 'Health != "Poor"'""",
            record: true,
            accounts: [Account("a1", 55, "Average"), Account("a2", 20, "Poor")]);

        table.RecordedColumns!.Select(c => c.Name).ShouldBe(["Account", "Score", "Health", "Double"]);
        table.RecordedRows!.Select(r => (r.AccountId, r.Shown)).ShouldBe([("a1", true), ("a2", false)]);
        table.RecordedRows![1].Cells.ShouldBe(["a2 Inc", 20d, "Poor", 40d]);
    }

    [Fact]
    public async Task WithoutARecordingRun_NothingIsKeptForTheStore()
    {
        var (table, _) = await BuildAsync(null, accounts: [Account("a1", 55, "Average")]);

        table.RecordedRows.ShouldBeNull();
        Row(table, "a1")["Score change 7d"].ShouldBeNull();
    }

    [Fact]
    public async Task TheSnapshots_AreReadOnce_AndSharedByThenTrendAndCharts()
    {
        var reader = new InMemoryHistoryReader().Add(Snapshot(Now.AddDays(-7), ("a1", 50, "Average", true)));

        await BuildAsync(reader, accounts: [Account("a1", 55, "Average")]);

        // One read of the widest window (the 4w trend and over-charts); 7d "then" lies inside it, so it is not read again.
        reader.Reads.ShouldBe(1);
    }
}
