using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Fixtures;

/// <summary>The benchmark's input: a deterministic accounts table of N rows × 20 columns (numbers, text, dates, links).</summary>
public static class XlsxBenchData
{
    private static readonly string[] Activities = ["create-task", "login", "export", "comment", "share"];
    private static readonly TimeZoneInfo Zone = FixtureValues.Berlin;
    private static readonly DateTimeOffset Generated = FixtureValues.GeneratedAt;

    public static IReadOnlyList<TableColumn> Columns { get; } = BuildColumns();

    public static Report Build(int rows)
    {
        var tableRows = new TableRow[rows];
        for (var i = 0; i < rows; i++)
        {
            tableRows[i] = Row(i);
        }

        var table = new DatasetTable { Name = "accounts", Columns = Columns, Rows = tableRows };
        return new Report
        {
            Definition = new ReportDefinition
            {
                Title = "XLSX benchmark",
                TimeZone = Zone.Id,
                SourcePath = "bench.yaml",
                Datasets = [new DatasetDefinition { Name = "accounts", List = "1" }],
            },
            GeneratedAt = Generated,
            TimeZone = Zone,
            Datasets = [table],
        };
    }

    private static List<TableColumn> BuildColumns()
    {
        var columns = new List<TableColumn>
        {
            new("Account ID", CellKind.Text),
            new("Account", CellKind.Text),
            new("Score", CellKind.Number, "0"),
            new("Health", CellKind.Text),
            new("Region", CellKind.Text),
            new("Renewal", CellKind.Date),
            new("Last activity", CellKind.DateTime),
        };
        foreach (var activity in Activities)
        {
            columns.Add(new TableColumn(activity + " 30d", CellKind.Number, "#,##0", new ActivityColumn(activity, "past_30d")));
            columns.Add(new TableColumn(activity + " 90d", CellKind.Number, "#,##0", new ActivityColumn(activity, "past_90d")));
        }

        columns.Add(new TableColumn("Website", CellKind.Text));
        columns.Add(new TableColumn("Notes", CellKind.Text));
        columns.Add(new TableColumn("Utilisation", CellKind.Number, "0%"));
        return columns;
    }

    private static TableRow Row(int i)
    {
        var id = "a" + (100000 + i).ToString(CultureInfo.InvariantCulture);
        var values = new object?[20];
        values[0] = id;
        values[1] = "Account " + i.ToString(CultureInfo.InvariantCulture) + " GmbH";
        values[2] = (double)((i * 37) % 101);
        values[3] = FixtureValues.Healths[i % 3];
        values[4] = FixtureValues.Regions[i % 4];
        values[5] = new DateOnly(2027, 1 + (i % 12), 1 + (i % 28));
        values[6] = TimeZoneInfo.ConvertTime(Generated.AddMinutes(-17 * i), Zone);
        for (var a = 0; a < 10; a++)
        {
            values[7 + a] = (double)((i * (a + 3)) % 997);
        }

        values[17] = i % 7 == 0 ? "https://example.com/accounts/" + id : null;
        values[18] = i % 3 == 0 ? "Renewal call booked; champion changed teams in Q3" : "ok";
        values[19] = (i % 100) / 100d;
        return new TableRow(id, values);
    }
}
