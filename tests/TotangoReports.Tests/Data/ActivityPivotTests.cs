using System.Globalization;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class ActivityPivotTests
{
    // account → window → activity → count; written out below in both shapes the API has used.
    private static readonly Dictionary<string, Dictionary<string, Dictionary<string, int>>> Counts = new()
    {
        ["a1"] = new()
        {
            ["past_1d"] = new() { ["create-task"] = 3, ["Login"] = 1 },
            ["past_30d"] = new() { ["create-task"] = 40, ["delegate-task"] = 7, ["Login"] = 22 },
        },
        ["a2"] = new()
        {
            ["past_30d"] = new() { ["delegate-task"] = 5, ["report-complete"] = 9 },
        },
        ["a3"] = new(),
    };

    private static string NewShape(string id, bool countsAsText = false)
    {
        var windows = Counts[id].Select(w =>
        {
            var actions = string.Join(", ", w.Value.Select(a => $"\"{a.Key}\": {Count(a.Value, countsAsText)}"));
            return $"\"{w.Key}\": {{ \"all\": {w.Value.Values.Sum()}, \"actions\": {{ {actions} }} }}";
        });
        return $"{{ \"account_id\": \"{id}\", \"stats\": {{ \"activities\": {{ {string.Join(", ", windows)} }} }} }}";
    }

    private static string OldShape(string id, bool countsAsText = false)
    {
        var windows = Counts[id].Select(w =>
        {
            var list = string.Join(", ", w.Value.Select(a => $"{{ \"name\": \"{a.Key}\", \"current\": {Count(a.Value, countsAsText)} }}"));
            return $"\"{w.Key}\": {{ \"activities\": [ {list} ] }}";
        });
        return $"{{ \"account_id\": \"{id}\", \"stats\": {{ {string.Join(", ", windows)} }} }}";
    }

    private static string Count(int value, bool asText) =>
        asText ? $"\"{value.ToString(CultureInfo.InvariantCulture)}\"" : value.ToString(CultureInfo.InvariantCulture);

    private static DatasetDefinition PivotDataset(IReadOnlyList<string> names, params string[] windows) => new()
    {
        Name = "accounts",
        List = "1",
        Return = [ReturnType.Stats],
        Columns = [Path("Id", "account_id", ColumnType.Text)],
        Activities = new ActivitiesDefinition { Names = names, Windows = windows },
    };

    private static string Dump(DatasetTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(" | ", table.Columns.Select(c => $"{c.Name}:{c.Kind}:{c.Activity?.Name}/{c.Activity?.Window}")));
        foreach (var row in table.Rows)
        {
            text.AppendLine(string.Join(" | ", row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    [Fact]
    public void BothShapes_GiveIdenticalTables()
    {
        var dataset = PivotDataset(["create-task", "delegate-task"], "past_1d", "past_30d", "past_90d");

        var (fromNew, _) = Build(dataset, NewShape("a1"), NewShape("a2"), NewShape("a3"));
        var (fromOld, _) = Build(dataset, OldShape("a1"), OldShape("a2"), OldShape("a3"));

        Dump(fromOld).ShouldBe(Dump(fromNew));
        fromNew.Rows.Count.ShouldBe(3);
    }

    [Fact]
    public void Pivot_HeadsColumnsByWindowLabel_AndFillsCounts_MissingAsZero()
    {
        var dataset = PivotDataset(["create-task", "delegate-task"], "past_1d", "past_30d", "realtime_today");

        var (table, _) = Build(dataset, NewShape("a1"), OldShape("a2"), NewShape("a3"));

        table.Columns.Select(c => c.Name).ShouldBe(
        [
            "Id",
            "create-task 1d", "create-task 30d", "create-task today",
            "delegate-task 1d", "delegate-task 30d", "delegate-task today",
        ]);
        table.Columns.Skip(1).ShouldAllBe(c => c.Kind == CellKind.Number && c.Activity != null);
        table.Columns[2].Activity.ShouldBe(new ActivityColumn("create-task", "past_30d"));
        foreach (var (id, row) in new[] { "a1", "a2", "a3" }.Select((id, i) => (id, i)))
        {
            table.Cell(row, "create-task 30d").ShouldBe((double)(Counts[id].GetValueOrDefault("past_30d")?.GetValueOrDefault("create-task") ?? 0));
            table.Cell(row, "delegate-task 30d").ShouldBe((double)(Counts[id].GetValueOrDefault("past_30d")?.GetValueOrDefault("delegate-task") ?? 0));
        }

        table.Cell(0, "create-task today").ShouldBe(0d);
    }

    [Fact]
    public void Names_MatchIgnoringCase_HeaderUsesDefinitionSpelling_CountsAsStrings()
    {
        var dataset = PivotDataset(["CREATE-TASK", "login"], "past_30d");

        var (table, _) = Build(dataset, NewShape("a1", countsAsText: true), OldShape("a2", countsAsText: true));

        table.Columns.Select(c => c.Name).ShouldBe(["Id", "CREATE-TASK 30d", "login 30d"]);
        table.Cell(0, "CREATE-TASK 30d").ShouldBe(40d);
        table.Cell(0, "login 30d").ShouldBe(22d);
        table.Cell(1, "login 30d").ShouldBe(0d);
    }

    [Fact]
    public void NamesOmitted_TakesEveryActivitySeen_SortedIgnoringCase_SpelledAsFirstSeen()
    {
        var dataset = PivotDataset([], "past_30d");

        var (table, _) = Build(dataset, OldShape("a2"), NewShape("a1"), """{ "account_id": "a4", "stats": { "activities": { "past_30d": { "actions": { "LOGIN": 1, "zeta": 2 } } } } }""");

        table.Columns.Select(c => c.Name).ShouldBe(["Id", "create-task 30d", "delegate-task 30d", "Login 30d", "report-complete 30d", "zeta 30d"]);
        table.Cell(2, "Login 30d").ShouldBe(1d);
    }

    [Fact]
    public void SameNameInTwoCases_InOneAccount_IsSummed()
    {
        var (table, _) = Build(PivotDataset(["login"], "past_1d"), """{ "account_id": "a", "stats": { "activities": { "past_1d": { "actions": { "Login": 2, "login": 3 } } } } }""");

        table.Cell(0, "login 1d").ShouldBe(5d);
    }

    [Fact]
    public void Facts_CarryActivityTotals_FromEitherShape()
    {
        var (fromNew, _) = Build(PivotDataset(["login"], "past_1d"), NewShape("a1"));
        var (fromOld, _) = Build(PivotDataset(["login"], "past_1d"), OldShape("a1"));

        var expected = Counts["a1"]["past_30d"].Values.Sum();
        fromNew.Accounts[0].ActivityTotals["past_30d"].ShouldBe(expected);
        fromOld.Accounts[0].ActivityTotals["past_30d"].ShouldBe(expected);
        fromOld.Accounts[0].ActivityTotals.ContainsKey("past_90d").ShouldBeFalse();
        fromOld.Accounts[0].ActivityTotals.Keys.ShouldBe(["past_1d", "past_30d"]);
    }

    [Fact]
    public void PivotColumns_AreVisibleToExpressions()
    {
        var dataset = PivotDataset(["create-task"], "past_30d") is var d
            ? new DatasetDefinition
            {
                Name = d.Name,
                List = d.List,
                Columns = [.. d.Columns, Expr("Busy", "row[\"create-task 30d\"] > 10")],
                Activities = d.Activities,
            }
            : null!;

        var (table, _) = Build(dataset, NewShape("a1"), NewShape("a2"));

        table.ColumnValues("Busy").ShouldBe(["true", "false"]);
    }
}
