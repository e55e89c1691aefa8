using System.Globalization;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Fixtures;

/// <summary>
/// Hand-built reports for renderer tests, independent of the fetch and data stages: every kind of cell,
/// awkward names (accents, Hebrew, CJK, quotes, formula-looking text), groups, users and lifecycle.
/// </summary>
public static class TestReports
{
    public static readonly string[] AwkwardNames =
    [
        "Café Müller GmbH",
        "חברת אלפא בע\"מ",
        "株式会社テスト",
        "\"Smith, Jones\" & Co",
        "=cmd|' /C calc'!A0",
        "+1 Corp",
        "-minus Ltd",
        "@home Inc",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
    ];

    public static readonly TimeZoneInfo Berlin = FixtureValues.Berlin;

    public static readonly DateTimeOffset GeneratedAt = FixtureValues.GeneratedAt;

    public static IReadOnlyList<TableColumn> AccountColumns { get; } =
    [
        new("Account ID", CellKind.Text),
        new("Account", CellKind.Text),
        new("Score", CellKind.Number, "0"),
        new("Health", CellKind.Text),
        new("Region", CellKind.Text),
        new("Renewal", CellKind.Date),
        new("Last activity", CellKind.DateTime),
        new("Users 30d", CellKind.Number),
        new("Utilisation", CellKind.Number, "0%"),
        new("Website", CellKind.Text),
        new("create-task 30d", CellKind.Number, null, new ActivityColumn("create-task", "past_30d")),
        new("create-task 90d", CellKind.Number, null, new ActivityColumn("create-task", "past_90d")),
    ];

    /// <summary>A report with one dataset <c>accounts</c> of <paramref name="rows"/> rows (deterministic).</summary>
    public static Report Accounts(int rows = 40, bool withGroups = true, bool withSideTables = true)
    {
        var tableRows = new List<TableRow>(rows);
        var facts = new List<AccountFacts>(rows);
        for (var i = 0; i < rows; i++)
        {
            var id = "a" + (1000 + i).ToString(CultureInfo.InvariantCulture);
            var name = i < AwkwardNames.Length ? AwkwardNames[i] : "Account " + i.ToString(CultureInfo.InvariantCulture);
            var score = (double)((i * 37) % 101);
            var health = FixtureValues.Healths[i % 3];
            var region = FixtureValues.Regions[i % 4];
            var lastActivity = TimeZoneInfo.ConvertTime(GeneratedAt.AddHours(-7 * i), Berlin);
            var users30 = (double)(i % 50);
            object?[] values =
            [
                id,
                name,
                score,
                health,
                i % 11 == 5 ? null : region,
                new DateOnly(2027, 1 + (i % 12), 1 + (i % 28)),
                lastActivity,
                users30,
                users30 / 90d,
                i % 7 == 0 ? "https://example.com/" + id : null,
                (double)(i * 3),
                (double)(i * 9),
            ];
            tableRows.Add(new TableRow(id, values));
            facts.Add(new AccountFacts(id, name, score, health, new Dictionary<string, double>
            {
                ["past_1d"] = i,
                ["past_7d"] = i * 2,
                ["past_30d"] = i * 3,
                ["past_90d"] = i * 9,
            }));
        }

        GroupTable? groups = null;
        if (withGroups)
        {
            var byRegion = tableRows
                .Select((r, index) => (Key: (string?)r.Values[4] ?? string.Empty, index))
                .GroupBy(x => x.Key)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new GroupRow(
                    g.Key,
                    [g.Count(), g.Average(x => (double)tableRows[x.index].Values[2]!)],
                    g.Select(x => x.index).ToList()))
                .ToList();
            groups = new GroupTable { By = "Region", Aggregates = ["Accounts", "Avg score"], Rows = byRegion };
        }

        var table = new DatasetTable
        {
            Name = "accounts",
            Columns = AccountColumns,
            Rows = tableRows,
            Groups = groups,
            Accounts = facts,
            Users = withSideTables
                ? tableRows.Take(5).Select((r, i) => new UserRow(r.AccountId, (string)r.Values[1]!, $"user{i}@example.com", GeneratedAt.AddDays(-100), GeneratedAt.AddDays(-i), i)).ToList()
                : null,
            Lifecycle = withSideTables
                ? tableRows.Take(5).Select((r, i) => new LifecycleRow(r.AccountId, (string)r.Values[1]!, i % 2 == 0 ? "Trial" : "Paying", GeneratedAt.AddDays(-30 * i), 30 * i)).ToList()
                : null,
            Fetch = new FetchSummary { TotalItems = rows, Pages = (rows + 99) / 100, Requests = (rows + 99) / 100 },
        };

        return new Report
        {
            Definition = Definition(),
            GeneratedAt = GeneratedAt,
            TimeZone = Berlin,
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "EMEA" },
            Datasets = [table],
        };
    }

    public static ReportDefinition Definition() => new()
    {
        Title = "Weekly usage — all accounts",
        Description = "Engagement and activity for the exec team",
        TimeZone = "Europe/Berlin",
        SourcePath = Path.Combine(Path.GetTempPath(), "weekly-usage.yaml"),
        Datasets = [new DatasetDefinition { Name = "accounts", List = "1" }],
    };
}
