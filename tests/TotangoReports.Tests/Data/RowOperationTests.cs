using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class RowOperationTests
{
    private static readonly string[] Accounts =
    [
        Account("a1", "beta", 70, "EMEA", 10),
        Account("a2", "Alpha", 30, "APAC", 5),
        Account("a3", "gamma", null, "EMEA", 20),
        Account("a4", "delta", 30, null, 8),
        Account("a5", "Epsilon", 45, "EMEA", null),
    ];

    private static string Account(string id, string name, int? score, string? region, int? users)
    {
        var scoreJson = score is null ? "null" : score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var regionJson = region is null ? "{}" : $"{{ \"Region\": \"{region}\" }}";
        var usersJson = users is null ? "{}" : $"{{ \"past_30d\": {{ \"all\": {users} }} }}";
        return $$"""{ "account_id": "{{id}}", "name": "{{name}}", "engagement": { "score": { "current": {{scoreJson}} } }, "attributes": {{regionJson}}, "stats": { "users": {{usersJson}} } }""";
    }

    private static DatasetDefinition Rows(string? filter = null, string[]? sort = null, int? limit = null, GroupDefinition? group = null) => new()
    {
        Name = "accounts",
        List = "1",
        Columns =
        [
            Path("Account", "name", ColumnType.Text),
            Path("Score", "engagement.score.current", ColumnType.Number),
            Path("Region", "attributes.Region", ColumnType.Text),
            Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
        ],
        Filter = filter,
        Sort = sort ?? [],
        Limit = limit,
        Group = group,
    };

    private static List<string> Ids(DatasetTable table) => table.Rows.Select(r => r.AccountId).ToList();

    [Fact]
    public void WithoutSort_RowsKeepListOrder()
    {
        var (table, _) = Build(Rows(), Accounts);

        Ids(table).ShouldBe(["a1", "a2", "a3", "a4", "a5"]);
    }

    [Fact]
    public void Filter_DropsFalsyRows_NullComparisonsIncluded()
    {
        var (table, warnings) = Build(Rows(filter: "Score < 50"), Accounts);

        Ids(table).ShouldBe(["a2", "a4", "a5"]);
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Filter_CanUseRowParamsAndAccount()
    {
        var dataset = Rows(filter: "row[\"Users 30d\"] >= (params.min | string.to_int) && account.attributes.Region == \"EMEA\"");
        var context = Context(parameters: new Dictionary<string, string> { ["min"] = "10" });

        var (table, _) = Build(dataset, context, Accounts);

        Ids(table).ShouldBe(["a1", "a3"]);
    }

    [Fact]
    public void Filter_RuntimeError_LeavesRowOut_WithWarning()
    {
        var (table, warnings) = Build(Rows(filter: "Score == 30 || (1 + [Score]) > 0"), Accounts);

        Ids(table).ShouldBe(["a2", "a4"]);
        var warning = warnings.ShouldHaveSingleItem();
        warning.ShouldContain("filter");
        warning.ShouldContain("'a1'");
    }

    [Fact]
    public void Sort_DescendingNumbers_NullsLast_Stable()
    {
        var (table, _) = Build(Rows(sort: ["-Score"]), Accounts);

        // a2 and a4 tie on 30: list order is kept; a3 has no score and goes last even descending.
        Ids(table).ShouldBe(["a1", "a5", "a2", "a4", "a3"]);
    }

    [Fact]
    public void Sort_Text_IgnoresCase_AscendingWithNullsLast()
    {
        var (byName, _) = Build(Rows(sort: ["Account"]), Accounts);
        var (byRegion, _) = Build(Rows(sort: ["Region", "-Account"]), Accounts);

        byName.ColumnValues("Account").ShouldBe(["Alpha", "beta", "delta", "Epsilon", "gamma"]);
        Ids(byRegion).ShouldBe(["a2", "a3", "a5", "a1", "a4"]);
    }

    [Fact]
    public void Sort_ByExpression_WhenKeyNamesNoColumn()
    {
        var (table, _) = Build(Rows(sort: ["-(Score ?? 0) * 1000 + (row[\"Users 30d\"] ?? 0)"]), Accounts);

        // 70010, 45000, 30008, 30005, 20
        Ids(table).ShouldBe(["a1", "a5", "a4", "a2", "a3"]);
    }

    [Fact]
    public void Limit_TakesTopNAfterSort()
    {
        var (table, _) = Build(Rows(sort: ["-Users 30d"], limit: 2), Accounts);

        Ids(table).ShouldBe(["a3", "a1"]);
        table.Accounts.Count.ShouldBe(5);
    }

    [Fact]
    public void Group_CountsSumsAveragesMinMax_IgnoringNulls_KeysOrdinal()
    {
        var group = new GroupDefinition
        {
            By = "Region",
            Aggregates =
            [
                new("Accounts", "count"),
                new("Scored", "count(Score)"),
                new("Users", "sum(Users 30d)"),
                new("Avg score", "avg(Score)"),
                new("Min score", "min(\"Score\")"),
                new("Max users", "max(row[\"Users 30d\"])"),
            ],
        };

        var (table, _) = Build(Rows(group: group), Accounts);

        var groups = table.Groups.ShouldNotBeNull();
        groups.By.ShouldBe("Region");
        groups.Aggregates.ShouldBe(["Accounts", "Scored", "Users", "Avg score", "Min score", "Max users"]);
        groups.Rows.Select(g => g.Key).ShouldBe(["", "APAC", "EMEA"]);
        var emea = groups.Rows[2];
        emea.Values.ShouldBe([3d, 2d, 30d, 57.5d, 45d, 20d]);
        emea.RowIndexes.ShouldBe([0, 2, 4]);
        groups.Rows[0].Values.ShouldBe([1d, 1d, 8d, 30d, 30d, 8d]);
    }

    [Fact]
    public void Group_ExpressionOverRows()
    {
        var group = new GroupDefinition
        {
            By = "Region",
            Aggregates = [new("Names", "rows | array.size"), new("Score total", "t = 0; for r in rows; t = t + (r.Score ?? 0); end; t")],
        };

        var (table, _) = Build(Rows(group: group), Accounts);

        var emea = table.Groups!.Rows.Single(g => g.Key == "EMEA");
        emea.Values[0].ShouldBe(3d);
        emea.Values[1].ShouldBe(115d);
    }

    [Fact]
    public void Group_IndexesPointIntoSortedLimitedRows()
    {
        var group = new GroupDefinition { By = "Region", Aggregates = [new("Accounts", "count")] };

        var (table, _) = Build(Rows(sort: ["Account"], limit: 3, group: group), Accounts);

        foreach (var g in table.Groups!.Rows)
        {
            g.RowIndexes.ShouldAllBe(i => (string?)table.Rows[i][2] == (g.Key.Length == 0 ? null : g.Key));
        }

        table.Groups.Rows.Sum(g => g.RowIndexes.Count).ShouldBe(3);
    }

    [Fact]
    public void MisspeltSortOrGroupColumn_IsReported_NotSilentlyIgnored()
    {
        var group = new GroupDefinition { By = "Regoin", Aggregates = [new("Accounts", "count")] };

        var (table, warnings) = Build(Rows(sort: ["-Scroe"], group: group), Accounts);

        Ids(table).ShouldBe(["a1", "a2", "a3", "a4", "a5"]);
        warnings.ShouldContain(w => w.Contains("'Scroe'") && w.Contains("names no column"));
        warnings.ShouldContain(w => w.Contains("'Regoin'") && w.Contains("names no column"));
        table.Groups!.Rows.ShouldHaveSingleItem().RowIndexes.Count.ShouldBe(5);
    }
}
