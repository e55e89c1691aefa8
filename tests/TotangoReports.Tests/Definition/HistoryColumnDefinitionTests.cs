using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>
/// History in definitions (PRODUCT.md §4b): change/previous/trend columns, KPI compare, charts over a span; each
/// needs a top-level history: block, names a value column of its dataset, and errs at file:line:col with the fix.
/// </summary>
public sealed class HistoryColumnDefinitionTests
{
    private static string Definition(string columns, string history = "history: {}", string summary = "") => $$"""
        title: History
        {{history}}
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name, type: text }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Health, path: engagement.health.current, type: text }
              - { name: Renewal, path: attributes.Renewal-Date, type: date }
        {{columns}}
        {{summary}}
        outputs:
          - { format: csv, file: a.csv }
        """;

    [Fact]
    public void HistoryColumns_KpiCompare_AndOverCharts_Bind_AndTheSchemaAgrees()
    {
        var yaml = Definition(
            """
                  - { name: Score change 7d, change: Score, over: 7d }
                  - { name: Health 7d ago, previous: Health, over: 7d }
                  - { name: Score 12w, trend: Score, over: 12w }
                filter: 'Health == "Poor" && row["Health 7d ago"] != "Poor"'
                sort: -Score change 7d
            """,
            summary: """
            summary:
              kpis:
                - { label: Average score, value: avg(Score), compare: 7d }
              charts:
                - { title: Score, type: line, y: avg(Score), over: 12w }
                - { title: Health per week, type: stacked-bar, series: Health, over: 12w }
            """);

        var result = DefinitionLoader.Parse(yaml, "h.yaml");

        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var columns = result.Definition!.Datasets[0].Columns;
        columns[4].History.ShouldBe(new HistoryReference(HistoryColumnKind.Change, "Score", TimeSpan.FromDays(7), "7d", columns[4].History!.Location));
        columns[5].History!.Kind.ShouldBe(HistoryColumnKind.Previous);
        columns[6].History!.Over.ShouldBe(TimeSpan.FromDays(84));
        result.Definition.Summary!.Kpis![0].CompareSpan.ShouldBe(TimeSpan.FromDays(7));
        result.Definition.Summary.Charts![0].Over.ShouldBe(TimeSpan.FromDays(84));
        result.Definition.Summary.Charts[1].Series.ShouldBe("Health");
        SchemaValidator.EvaluateYaml(yaml).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void HistoryColumn_WithoutHistoryBlock_IsAnErrorAtItsKey_WithTheFix()
    {
        var yaml = Definition("      - { name: Score change 7d, change: Score, over: 7d }", history: string.Empty);

        var result = DefinitionLoader.Parse(yaml, "h.yaml");

        var error = result.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldContain("add `history: {}` (or `history: { keep: 104w }`) at the top level");
        error.Message.ShouldContain("Score change 7d");
        error.Location.Line.ShouldBe(11);
        error.Location.Column.ShouldBe(yaml.Split('\n')[10].IndexOf("change:", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void KpiCompare_AndChartOver_WithoutHistoryBlock_AreErrorsWithTheFix()
    {
        var yaml = Definition(
            string.Empty,
            history: string.Empty,
            summary: """
            summary:
              kpis:
                - { label: Accounts, value: count, compare: 7d }
              charts:
                - { title: Accounts, type: line, y: count, over: 12w }
            """);

        var result = DefinitionLoader.Parse(yaml, "h.yaml");

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        errors.Count.ShouldBe(2);
        errors.ShouldAllBe(e => e.Message.Contains("history: {}", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Message.StartsWith("compare of KPI 'Accounts'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Message.StartsWith("over of chart 'Accounts'", StringComparison.Ordinal));
    }

    [Fact]
    public void HistoryColumn_NamingNoColumn_GetsDidYouMean()
    {
        var result = DefinitionLoader.Parse(Definition("      - { name: Change, change: Scor, over: 7d }"), "h.yaml");

        result.Diagnostics.Single(d => d.IsError).Message.ShouldBe("change of column 'Change' must name a value column of dataset 'accounts', found 'Scor' — did you mean 'Score'?");
    }

    [Fact]
    public void HistoryColumn_ReadingAnotherHistoryColumn_IsAnError()
    {
        var result = DefinitionLoader.Parse(Definition("      - { name: Then, previous: Health, over: 7d }\n      - { name: Then2, previous: Then, over: 7d }"), "h.yaml");

        result.Diagnostics.Single(d => d.IsError).Message.ShouldContain("it is a history column itself");
    }

    [Theory]
    [InlineData("- { name: T, trend: Health, over: 12w }", "trend needs a number column")]
    [InlineData("- { name: T, trend: Renewal, over: 12w }", "trend needs a number column")]
    [InlineData("- { name: C, change: Account, over: 7d }", "change needs a number or date column")]
    [InlineData("- { name: C, change: Score }", "needs 'over: SPAN'")]
    [InlineData("- { name: C, change: Score, over: 2 months }", "over of column 'C' must be a span such as 7d, 12w or 24h")]
    [InlineData("- { name: C, change: Score, path: name, over: 7d }", "has 'change' and 'path'; keep one")]
    [InlineData("- { name: C, change: Score, previous: Score, over: 7d }", "has 'change' and 'previous'; keep one")]
    [InlineData("- { name: C, path: name, over: 7d }", "over of column 'C' applies only to change, previous or trend columns")]
    public void HistoryColumn_Mistakes_AreErrorsNamingTheFix(string column, string message)
    {
        var result = DefinitionLoader.Parse(Definition("      " + column), "h.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.Where(d => d.IsError).ShouldContain(d => d.Message.Contains(message, StringComparison.Ordinal));
        result.Diagnostics.Where(d => d.IsError).ShouldAllBe(d => d.Location.Line == 11);
    }

    [Fact]
    public void ChangeOfADateColumn_IsAllowed()
    {
        var result = DefinitionLoader.Parse(Definition("      - { name: Renewal moved, change: Renewal, over: 7d }"), "h.yaml");

        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("- { title: T, type: bar, y: count, over: 12w }", "applies only to type: line or stacked-bar")]
    [InlineData("- { title: T, type: line, x: Health, y: count, over: 12w }", "so x is the snapshot week; remove x")]
    [InlineData("- { title: T, type: line, y: count, over: soon }", "over of chart 'T' must be a span")]
    public void ChartOver_Mistakes_AreErrors(string chart, string message)
    {
        var result = DefinitionLoader.Parse(Definition(string.Empty, summary: $"summary:\n  charts:\n    {chart}"), "h.yaml");

        result.Diagnostics.Where(d => d.IsError).ShouldContain(d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void KpiCompare_NotASpan_IsAnError()
    {
        var result = DefinitionLoader.Parse(Definition(string.Empty, summary: "summary:\n  kpis:\n    - { label: A, value: count, compare: last week }"), "h.yaml");

        result.Diagnostics.Single(d => d.IsError).Message.ShouldBe("compare of KPI 'A' must be a span such as 7d, 12w or 24h, found 'last week'");
    }
}
