using System.Globalization;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Fixtures;

/// <summary>
/// A deterministic report of one dataset shaped like a real accounts list (text in several scripts, numbers, dates,
/// pivot columns, groups), shared by the renderer benchmarks.
/// </summary>
public static class BenchReport
{

    // Names in several scripts, so text shaping and escaping cost what they cost on real lists.
    private static readonly string[] Names = ["Café Müller GmbH", "חברת אלפא בע\"מ", "株式会社テスト", "\"Smith, Jones\" & Co", "Northwind Traders <Söhne>", "Contoso Pharmaceuticals International"];

    /// <param name="columns">Column names to keep (in this order); null keeps all twelve.</param>
    public static Report Create(int rows, IReadOnlyList<string>? columns = null, bool withGroups = true)
    {
        var full = CreateFull(rows, withGroups);
        return columns is null ? full : Project(full, columns);
    }

    private static Report Project(Report report, IReadOnlyList<string> names)
    {
        var table = report.Datasets[0];
        var indexes = names.Select(n => table.ColumnIndex(n) is var i and >= 0 ? i : throw new ArgumentException("no column " + n, nameof(names))).ToArray();
        var projected = new DatasetTable
        {
            Name = table.Name,
            Columns = indexes.Select(i => table.Columns[i]).ToList(),
            Rows = table.Rows.Select(r => new TableRow(r.AccountId, indexes.Select(i => r.Values[i]).ToArray())).ToList(),
            Accounts = table.Accounts,
            Groups = table.Groups,
            Fetch = table.Fetch,
        };
        return new Report { Definition = report.Definition, GeneratedAt = report.GeneratedAt, TimeZone = report.TimeZone, Datasets = [projected] };
    }

    private static Report CreateFull(int rows, bool withGroups)
    {
        var zone = FixtureValues.Berlin;
        var generated = FixtureValues.GeneratedAt;
        // The same twelve columns the tests' reports have: one column set for tests and benchmarks.
        var columns = TestReports.AccountColumns;
        var tableRows = new List<TableRow>(rows);
        var facts = new List<AccountFacts>(rows);
        for (var i = 0; i < rows; i++)
        {
            var id = "acct-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var name = Names[i % Names.Length] + " " + i.ToString(CultureInfo.InvariantCulture);
            var score = (double)((i * 37) % 101);
            var users = (double)(i % 250);
            tableRows.Add(new TableRow(id,
            [
                id,
                name,
                score,
                FixtureValues.Healths[i % 3],
                FixtureValues.Regions[i % 4],
                new DateOnly(2027, 1 + (i % 12), 1 + (i % 28)),
                TimeZoneInfo.ConvertTime(generated.AddMinutes(-17 * i), zone),
                users,
                users / 300d,
                i % 3 == 0 ? "https://example.com/" + id : null,
                (double)(i % 40),
                (double)(i % 120),
            ]));
            facts.Add(new AccountFacts(id, name, score, FixtureValues.Healths[i % 3], new Dictionary<string, double> { ["past_30d"] = i % 40, ["past_90d"] = i % 120 }));
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
                    Groups = withGroups ? new GroupTable { By = "Region", Aggregates = ["Accounts", "Avg score"], Rows = groups } : null,
                    Fetch = new FetchSummary { TotalItems = rows, Pages = (rows + 999) / 1000, Requests = (rows + 999) / 1000 },
                },
            ],
        };
    }
}
