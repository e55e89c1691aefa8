using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Bench;

/// <summary>A deterministic report of one dataset shaped like a real accounts list (text, numbers, dates, pivot columns, groups).</summary>
internal static class BenchReport
{
    private static readonly string[] Regions = ["EMEA", "NA", "APAC", "LATAM"];
    private static readonly string[] Healths = ["Good", "Average", "Poor"];

    public static Report Create(int rows)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var generated = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        TableColumn[] columns =
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
        var tableRows = new List<TableRow>(rows);
        var facts = new List<AccountFacts>(rows);
        for (var i = 0; i < rows; i++)
        {
            var id = "acct-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var name = "Customer " + i.ToString(CultureInfo.InvariantCulture) + (i % 5 == 0 ? " & Söhne <GmbH>" : " Ltd");
            var score = (double)((i * 37) % 101);
            var users = (double)(i % 250);
            tableRows.Add(new TableRow(id,
            [
                id,
                name,
                score,
                Healths[i % 3],
                Regions[i % 4],
                new DateOnly(2027, 1 + (i % 12), 1 + (i % 28)),
                TimeZoneInfo.ConvertTime(generated.AddMinutes(-17 * i), zone),
                users,
                users / 300d,
                i % 3 == 0 ? "https://example.com/" + id : null,
                (double)(i % 40),
                (double)(i % 120),
            ]));
            facts.Add(new AccountFacts(id, name, score, Healths[i % 3], new Dictionary<string, double> { ["past_30d"] = i % 40, ["past_90d"] = i % 120 }));
        }

        var groups = tableRows
            .Select((r, index) => (Key: (string)r.Values[4]!, index))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupRow(g.Key, [g.Count(), g.Average(x => (double)tableRows[x.index].Values[2]!)], g.Select(x => x.index).ToList()))
            .ToList();
        return new Report
        {
            Definition = new ReportDefinition
            {
                Title = "Weekly usage — all accounts",
                TimeZone = zone.Id,
                SourcePath = Path.Combine(Path.GetTempPath(), "bench.yaml"),
                Datasets = [new DatasetDefinition { Name = "accounts", List = "1" }],
            },
            GeneratedAt = generated,
            TimeZone = zone,
            Datasets =
            [
                new DatasetTable
                {
                    Name = "accounts",
                    Columns = columns,
                    Rows = tableRows,
                    Accounts = facts,
                    Groups = new GroupTable { By = "Region", Aggregates = ["Accounts", "Avg score"], Rows = groups },
                    Fetch = new FetchSummary { TotalItems = rows, Pages = (rows + 999) / 1000, Requests = (rows + 999) / 1000 },
                },
            ],
        };
    }
}
