using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class SummaryTests
{
    private static readonly string[] Accounts =
    [
        Account("a1", "Beta", 70, "Good", "EMEA", 10, 100),
        Account("a2", "Alpha", 30, "Poor", "APAC", 5, 40),
        Account("a3", "Gamma", 90, "good", "EMEA", 20, 10),
        Account("a4", "Delta", 40, "Average", "NA", 8, null),
        Account("a5", "Epsilon", 45, "Poor", "EMEA", null, 7),
    ];

    private static string Account(string id, string name, int score, string health, string region, int? users, int? activity30)
    {
        var usersJson = users is null ? "{}" : $"{{ \"past_30d\": {{ \"all\": {users} }} }}";
        var activityJson = activity30 is null ? "{}" : $"{{ \"past_30d\": {{ \"all\": {activity30} }}, \"past_7d\": {{ \"all\": 1 }} }}";
        return $$"""
            { "account_id": "{{id}}", "name": "{{name}}", "engagement": { "score": { "current": {{score}} }, "health": { "current": "{{health}}" } },
              "attributes": { "Region": "{{region}}" }, "stats": { "users": {{usersJson}}, "activities": {{activityJson}} } }
            """;
    }

    private static DatasetDefinition Dataset(string? filter = null, int? limit = null) => new()
    {
        Name = "accounts",
        List = "1",
        Columns =
        [
            Path("Account", "name", ColumnType.Text),
            Path("Score", "engagement.score.current", ColumnType.Number),
            Path("Health", "engagement.health.current", ColumnType.Text),
            Path("Region", "attributes.Region", ColumnType.Text),
            Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
        ],
        Filter = filter,
        Sort = ["-Score"],
        Limit = limit,
    };

    private static ReportSummary Summarise(DatasetDefinition dataset, SummaryDefinition? declared = null, params string[] accounts)
    {
        var builder = new DatasetBuilder(dataset, Context()) { Summary = declared };
        foreach (var account in accounts.Length == 0 ? Accounts : accounts)
        {
            builder.Add(ReturnType.Stats, DataKit.Json(account));
        }

        return builder.Build(new FetchSummary()).Summary!;
    }

    private static double? Kpi(ReportSummary summary, string key) => summary.Kpis.Single(k => k.Key == key).Value;

    private static KpiDefinition K(string label, string value, string? format = null) => new(label, value, format, null, default);

    [Fact]
    public void DefaultSummary_CountsOnlyTheRowsLeftByTheFilter()
    {
        var summary = Summarise(Dataset(filter: "Region == \"EMEA\""));

        Kpi(summary, "accounts").ShouldBe(3);
        Kpi(summary, "average-score").ShouldBe((70 + 90 + 45) / 3d);
        Kpi(summary, "health-good").ShouldBe(2, "Good and good are one health");
        Kpi(summary, "health-poor").ShouldBe(1);
        Kpi(summary, "health-average").ShouldBe(0);
        Kpi(summary, "activity-30d").ShouldBe(117);
        var health = summary.Charts.Single(c => c.Key == "health");
        health.Labels.ShouldBe(["Good", "Poor"]);
        health.Values.ShouldBe([2d, 1d]);
        summary.Charts.Single(c => c.Key == "top-accounts").Labels.ShouldBe(["Gamma", "Beta", "Epsilon"]);
    }

    [Fact]
    public void DefaultSummary_FollowsTheLimit()
    {
        var summary = Summarise(Dataset(limit: 2));

        summary.Rows.ShouldBe(2);
        Kpi(summary, "accounts").ShouldBe(2);
        Kpi(summary, "average-score").ShouldBe(80);
    }

    [Fact]
    public void DefaultSummary_OfNoRows_HasZeroCountsAndNoCharts()
    {
        var summary = Summarise(Dataset(filter: "Region == \"LATAM\""));

        Kpi(summary, "accounts").ShouldBe(0);
        Kpi(summary, "average-score").ShouldBeNull();
        Kpi(summary, "activity-30d").ShouldBeNull();
        summary.Charts.ShouldBeEmpty();
    }

    [Fact]
    public void DeclaredKpis_ComputeEveryAggregateOverTheRowsShown()
    {
        var declared = new SummaryDefinition
        {
            Kpis =
            [
                K("Rows", "count"),
                K("Poor", "count(Health == \"Poor\")"),
                K("With users", "count(Users 30d)"),
                K("Users", "sum(Users 30d)"),
                K("Average", "avg(Score)", "0.0"),
                K("Lowest", "min(Score)"),
                K("Highest", "max(Score)"),
                K("Median", "median(Score)"),
                K("Regions", "distinct(Region)"),
                K("Over rows", "rows | array.size"),
            ],
        };

        var summary = Summarise(Dataset(), declared);

        summary.Kpis.Select(k => k.Value).ShouldBe([5d, 2d, 4d, 43d, 55d, 30d, 90d, 45d, 3d, 5d]);
        summary.Kpis[4].Format.ShouldBe("0.0");
        summary.Kpis[0].Format.ShouldBe("#,##0.##");
        summary.Charts.Count.ShouldBe(3, "charts not declared keep the defaults");
    }

    [Fact]
    public void DeclaredEmptyLists_DropEveryKpiAndChart()
    {
        var summary = Summarise(Dataset(), new SummaryDefinition { Kpis = [], Charts = [] });

        summary.Kpis.ShouldBeEmpty();
        summary.Charts.ShouldBeEmpty();
    }

    [Fact]
    public void DeclaredCharts_AggregatePerX_SortAndLimit()
    {
        var declared = new SummaryDefinition
        {
            Charts =
            [
                new ChartDefinition("By region", ChartType.Bar, "Region", "count", "-y", null, default),
                new ChartDefinition("Users by region", ChartType.Bar, "Region", "sum(Users 30d)", "x", 2, default),
                new ChartDefinition("Top 2", ChartType.HBar, "Account", "Score", "-Score", 2, default),
                new ChartDefinition("Health", ChartType.Donut, "Health", "count", null, null, default),
            ],
        };

        var charts = Summarise(Dataset(), declared).Charts;

        charts[0].Labels.ShouldBe(["EMEA", "APAC", "NA"]);
        charts[0].Values.ShouldBe([3d, 1d, 1d]);
        charts[1].Labels.ShouldBe(["APAC", "EMEA"]);
        charts[1].Values.ShouldBe([5d, 30d]);
        charts[2].Labels.ShouldBe(["Gamma", "Beta"]);
        charts[2].Values.ShouldBe([90d, 70d]);
        charts[2].Type.ShouldBe(ChartType.HBar);
        charts[3].Labels.ShouldBe(["Good", "good", "Average", "Poor"], "x values stay as written; health reads Good, Average, Poor whatever the case");
        charts[3].Type.ShouldBe(ChartType.Donut);
    }

    [Fact]
    public void StackedBar_HasYPerXAndSeries_TotalsOrderTheBars_SeriesSorted()
    {
        // The (Region, Health, Users 30d) of Accounts, counted here.
        (string Region, string Health, double Users)[] rows =
            [("EMEA", "Good", 10), ("APAC", "Poor", 5), ("EMEA", "good", 20), ("NA", "Average", 8), ("EMEA", "Poor", 0)];
        var declared = new SummaryDefinition
        {
            Charts =
            [
                new ChartDefinition("Accounts by region", ChartType.StackedBar, "Region", "count", "-y", null, default) { Series = "Health" },
                new ChartDefinition("Users by region", ChartType.StackedBar, "Region", "sum(Users 30d)", null, 2, default) { Series = "Health" },
            ],
        };

        var charts = Summarise(Dataset(), declared).Charts;

        var count = charts[0];
        count.Type.ShouldBe(ChartType.StackedBar);
        count.Labels.ShouldBe(["EMEA", "APAC", "NA"]);
        count.Series.ShouldBe(["Good", "good", "Average", "Poor"]);
        count.Stacks.Count.ShouldBe(count.Series.Count);
        for (var s = 0; s < count.Series.Count; s++)
        {
            count.Stacks[s].ShouldBe(count.Labels.Select(x => (double)rows.Count(r => r.Region == x && r.Health == count.Series[s])).ToList(), count.Series[s]);
        }

        count.Values.ShouldBe(count.Labels.Select(x => (double)rows.Count(r => r.Region == x)).ToList(), "a bar's total is the sum of its segments");

        var users = charts[1];
        users.Labels.ShouldBe(["APAC", "EMEA"], "x order, then the limit");
        for (var s = 0; s < users.Series.Count; s++)
        {
            users.Stacks[s].ShouldBe(users.Labels.Select(x => rows.Where(r => r.Region == x && r.Health == users.Series[s]).Sum(r => r.Users)).ToList(), users.Series[s]);
        }
    }

    [Fact]
    public void FailingKpiExpression_IsAWarning_AndTheTileIsEmpty()
    {
        var builder = new DatasetBuilder(Dataset(), Context()) { Summary = new SummaryDefinition { Kpis = [K("Broken", "count(1 / Nope.x)")] } };
        foreach (var account in Accounts)
        {
            builder.Add(ReturnType.Stats, DataKit.Json(account));
        }

        var summary = builder.Build(new FetchSummary()).Summary!;

        summary.Kpis[0].Value.ShouldBe(0);
        builder.Warnings.ShouldContain(w => w.Contains("aggregate 'Broken'", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyDataset_IsAWarning()
    {
        var builder = new DatasetBuilder(Dataset(filter: "false"), Context());
        builder.Add(ReturnType.Stats, DataKit.Json(Accounts[0]));

        builder.Build(new FetchSummary());

        builder.Warnings.ShouldContain("dataset 'accounts' has 0 rows (1 accounts fetched, none left after filter/limit); its figures are empty.");
    }
}

public sealed class GroupOrderAndTotalTests
{
    private static readonly string[] Accounts =
    [
        """{ "account_id": "a1", "engagement": { "score": { "current": 70 } }, "attributes": { "Region": "EMEA" } }""",
        """{ "account_id": "a2", "engagement": { "score": { "current": 30 } }, "attributes": { "Region": "APAC" } }""",
        """{ "account_id": "a3", "engagement": { "score": { "current": 90 } }, "attributes": { "Region": "EMEA" } }""",
        """{ "account_id": "a4", "engagement": { "score": { "current": 40 } }, "attributes": { "Region": "NA" } }""",
    ];

    private static GroupTable Group(GroupDefinition group)
    {
        var dataset = new DatasetDefinition
        {
            Name = "accounts",
            List = "1",
            Columns = [DataKit.Path("Score", "engagement.score.current", ColumnType.Number), DataKit.Path("Region", "attributes.Region", ColumnType.Text)],
            Group = group,
        };

        return DataKit.Build(dataset, Accounts).Table.Groups!;
    }

    private static readonly KeyValuePair<string, string>[] Aggregates = [new("Accounts", "count"), new("Avg score", "avg(Score)")];

    [Fact]
    public void OrderValues_ListedKeysFirst_ThenTheRestInKeyOrder()
    {
        var groups = Group(new GroupDefinition { By = "Region", Aggregates = Aggregates, OrderValues = ["NA", "EMEA"] });

        groups.Rows.Select(g => g.Key).ShouldBe(["NA", "EMEA", "APAC"]);
    }

    [Fact]
    public void OrderByAggregate_Descending()
    {
        var groups = Group(new GroupDefinition { By = "Region", Aggregates = Aggregates, OrderBy = "Avg score", OrderDescending = true });

        groups.Rows.Select(g => g.Key).ShouldBe(["EMEA", "NA", "APAC"]);
    }

    [Fact]
    public void Total_IsComputedOverEveryRow_NotFromTheGroups()
    {
        var groups = Group(new GroupDefinition { By = "Region", Aggregates = Aggregates, Total = true });

        var total = groups.Rows[^1];
        total.IsTotal.ShouldBeTrue();
        total.Key.ShouldBe("Total");
        total.Values.ShouldBe([4d, 57.5d], "avg over the rows is 57.5; the average of the group averages would be 50");
        groups.Rows.Count(g => g.IsTotal).ShouldBe(1);
    }
}
