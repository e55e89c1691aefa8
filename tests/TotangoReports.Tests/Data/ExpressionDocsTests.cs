using System.Globalization;
using System.Text.RegularExpressions;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Tests.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

/// <summary>Every example of docs/expressions.md, run against the example data the page describes: the page cannot go stale.</summary>
public sealed partial class ExpressionDocsTests
{
    private static readonly string[] Accounts =
    [
        """{ "account_id": "a1", "name": "Acme GmbH", "engagement": { "score": { "current": 72 }, "health": { "current": "Good" } }, "attributes": { "Region": "EMEA", "Licenses": "50", "Renewal-Date": "2027-03-31" }, "stats": { "last_activity": 1764000000000, "users": { "past_30d": { "all": 12 } } } }""",
        """{ "account_id": "a2", "name": "Globex Ltd", "engagement": { "score": { "current": 60 }, "health": { "current": "Good" } }, "attributes": { "Region": "EMEA", "Plan": "Pro", "Licenses": "10", "Renewal-Date": "2026-12-31" }, "stats": { "last_activity": 1763631000000, "users": { "past_30d": { "all": 8 } } } }""",
        """{ "account_id": "a3", "name": "Initech Inc", "engagement": { "score": { "current": 30 }, "health": { "current": "Poor" } }, "attributes": { "Region": "NA" } }""",
    ];

    public static TheoryData<string, string> RowExamples() => Examples("expr");

    public static TheoryData<string, string> AggregateExamples() => Examples("aggregate");

    [Fact]
    public void Page_HasExamplesOfEveryKind()
    {
        RowExamples().Count.ShouldBeGreaterThan(15);
        AggregateExamples().Count.ShouldBeGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(RowExamples))]
    public void RowExample_GivesTheDocumentedResult(string expression, string expected)
    {
        var dataset = Dataset(Columns(new ColumnDefinition { Name = "Example", Expr = expression }));

        var (table, _) = Build(dataset, Context(parameters: new Dictionary<string, string> { ["region"] = string.Empty }), Accounts);

        Show(table.Cell(0, "Example")).ShouldBe(expected, expression);
    }

    [Theory]
    [MemberData(nameof(AggregateExamples))]
    public void AggregateExample_GivesTheDocumentedResult(string expression, string expected)
    {
        var builder = new DatasetBuilder(Dataset(Columns()), Context()) { Summary = new SummaryDefinition { Kpis = [new("Example", expression, null, null, default)] } };
        foreach (var account in Accounts)
        {
            builder.Add(ReturnType.Stats, DataKit.Json(account));
        }

        var summary = builder.Build(new FetchSummary()).Summary!;

        Show(summary.Kpis[0].Value).ShouldBe(expected, expression);
    }

    private static ColumnDefinition[] Columns(params ColumnDefinition[] more) =>
    [
        Path("Account", "name", ColumnType.Text),
        Path("Score", "engagement.score.current", ColumnType.Number),
        Path("Health", "engagement.health.current", ColumnType.Text),
        Path("Region", "attributes.Region", ColumnType.Text),
        Path("Plan", "attributes.Plan", ColumnType.Text),
        Path("Licenses", "attributes.Licenses", ColumnType.Number),
        Path("Renewal", "attributes.Renewal-Date", ColumnType.Date),
        Path("Last activity", "stats.last_activity", ColumnType.DateTime),
        Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
        .. more,
    ];

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static TheoryData<string, string> Examples(string fence)
    {
        var text = File.ReadAllText(RepoFiles.PathOf("docs", "expressions.md"));
        var data = new TheoryData<string, string>();
        foreach (Match block in Block().Matches(text).Where(m => m.Groups["fence"].Value == fence))
        {
            foreach (var line in block.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split("  # => ", 2);
                data.Add(parts[0].Trim(), parts[1].Trim());
            }
        }

        return data;
    }

    [GeneratedRegex(@"^```(?<fence>\w+)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
