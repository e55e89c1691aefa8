using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary><c>summary:</c> is bound, and every KPI and chart reference is checked at <c>file:line:col</c> with a hint.</summary>
public sealed class SummaryDefinitionTests
{
    private const string Base = """
        title: Summary
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Health, path: engagement.health.current }
        outputs:
          - { format: pdf, file: out.pdf }

        """;

    private static DefinitionParseResult Parse(string summary) => DefinitionLoader.Parse(Base + summary, "s.yaml");

    private static Diagnostic SingleError(DefinitionParseResult result)
    {
        result.Success.ShouldBeFalse();
        return result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
    }

    [Fact]
    public void Summary_BindsKpisAndCharts()
    {
        var result = Parse("""
            history: {}
            summary:
              kpis:
                - { label: Accounts, value: count }
                - { label: Average score, value: avg(Score), format: "0.0", compare: 7d }
                - { label: Poor, value: 'count(Health == "Poor")' }
                - { label: Median, value: median(Score) }
              charts:
                - { title: By health, type: donut, x: Health, y: count }
                - { title: Top 5, type: hbar, x: Account, y: Score, sort: -Score, limit: 5 }
            """);

        result.Diagnostics.ShouldBeEmpty();
        var summary = result.Definition!.Summary!;
        summary.Dataset.ShouldBe("accounts");
        summary.Kpis!.Select(k => k.Value).ShouldBe(["count", "avg(Score)", "count(Health == \"Poor\")", "median(Score)"]);
        summary.Kpis![1].Format.ShouldBe("0.0");
        summary.Kpis![1].Compare.ShouldBe("7d");
        summary.Charts!.Select(c => (c.Type, c.X, c.Y, c.Sort, c.Limit)).ShouldBe([(ChartType.Donut, "Health", "count", null, null), (ChartType.HBar, "Account", "Score", "-Score", 5)]);
        result.Definition.SummaryFor("accounts").ShouldBeSameAs(summary);
        result.Definition.SummaryFor("other").ShouldBeNull();
    }

    [Fact]
    public void EmptyKpisAndCharts_DropThem_WhileAbsentOnesKeepTheDefaults()
    {
        var dropped = Parse("summary: { kpis: [], charts: [] }").Definition!.Summary!;
        var defaults = Parse("summary: { dataset: accounts }").Definition!.Summary!;

        dropped.Kpis.ShouldBeEmpty();
        dropped.Charts.ShouldBeEmpty();
        defaults.Kpis.ShouldBeNull();
        defaults.Charts.ShouldBeNull();
    }

    [Theory]
    [InlineData("summary: { dataset: acounts }", 11, 21, "summary.dataset 'acounts' is not a dataset — did you mean 'accounts'?")]
    [InlineData("summary:\n  kpis:\n    - { label: Avg, value: avg(Scor) }", 13, 32, "KPI 'Avg' reads 'Scor', which is not a column of dataset 'accounts' — did you mean 'Score'?")]
    [InlineData("summary:\n  kpis:\n    - { label: Avg, value: medain(Score) }", 13, 28, "KPI 'Avg' uses 'medain', which is not an aggregate — did you mean 'median'?")]
    [InlineData("summary:\n  kpis:\n    - { lable: Avg, value: count }", 13, 9, "unknown key 'lable' in a KPI — did you mean 'label'?")]
    [InlineData("summary:\n  charts:\n    - { title: T, x: Helth }", 13, 22, "x of chart 'T' 'Helth' is not a column of dataset 'accounts' — did you mean 'Health'?")]
    [InlineData("summary:\n  charts:\n    - { title: T, x: Health, type: pie }", 13, 36, "the type of chart 'T' must be one of bar, hbar, stacked-bar, line, donut, found 'pie'")]
    [InlineData("summary:\n  charts:\n    - { title: T, x: Health, y: sum(Scores) }", 13, 37, "y of chart 'T' reads 'Scores', which is not a column of dataset 'accounts' — did you mean 'Score'?")]
    [InlineData("summary:\n  charts:\n    - { title: T, x: Health, sort: -Size }", 13, 36, "sort of chart 'T' must be y, -y, x or -x")]
    [InlineData("summary:\n  charts:\n    - { title: T, x: Health, limit: 0 }", 13, 37, "limit of chart 'T' must be a positive whole number")]
    public void MistakeInSummary_IsAnErrorAtItsPosition(string summary, int line, int column, string message)
    {
        var error = SingleError(Parse(summary));

        error.Message.ShouldContain(message);
        (error.Location.Line, error.Location.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void StackedBar_BindsItsSeriesColumn()
    {
        var result = Parse("""
            summary:
              charts:
                - { title: By health, type: stacked-bar, x: Account, y: count, series: Health }
            """);

        result.Diagnostics.ShouldBeEmpty();
        var chart = result.Definition!.Summary!.Charts!.ShouldHaveSingleItem();
        (chart.Type, chart.Series).ShouldBe((ChartType.StackedBar, "Health"));
    }

    [Fact]
    public void StackedBar_SeriesNamingNoColumn_IsAnErrorAtItsPlaceWithAHint()
    {
        var error = SingleError(Parse("""
            summary:
              charts:
                - { title: By health, type: stacked-bar, x: Account, series: Helth }
            """));

        error.Message.ShouldBe("series of chart 'By health' 'Helth' is not a column of dataset 'accounts' — did you mean 'Health'?");
        (error.Location.Line, error.Location.Column).ShouldBe((13, 66), error.ToString());
    }

    [Fact]
    public void StackedBar_WithoutSeries_IsAnError()
    {
        var error = SingleError(Parse("""
            summary:
              charts:
                - { title: By health, type: stacked-bar, x: Account }
            """));

        error.Message.ShouldContain("needs 'series: COLUMN'");
        error.Location.Line.ShouldBe(13);
    }

    [Fact]
    public void Series_OnAnotherChartType_IsAnError()
    {
        var error = SingleError(Parse("""
            summary:
              charts:
                - { title: By health, type: bar, x: Account, series: Health }
            """));

        error.Message.ShouldContain("applies only to type: stacked-bar");
        error.Location.Line.ShouldBe(13);
    }
}

public sealed class GroupOrderDefinitionTests
{
    private static DefinitionParseResult Parse(string group) => DefinitionLoader.Parse(
        $$"""
        title: Groups
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Region, path: attributes.Region }
            group: {{group}}
        outputs:
          - { format: csv, file: a.csv }
        """,
        "g.yaml");

    [Fact]
    public void OrderAndTotal_AreBound()
    {
        var byList = Parse("{ by: Region, aggregates: { Accounts: count }, order: [NA, EMEA], total: true }").Definition!.Datasets[0].Group!;
        var byAggregate = Parse("{ by: Region, aggregates: { Accounts: count }, order: -Accounts }").Definition!.Datasets[0].Group!;

        byList.OrderValues.ShouldBe(["NA", "EMEA"]);
        byList.Total.ShouldBeTrue();
        (byAggregate.OrderBy, byAggregate.OrderDescending, byAggregate.Total).ShouldBe(("Accounts", true, false));
    }

    [Fact]
    public void OrderNamingNoAggregate_IsAnErrorWithAHint()
    {
        var result = Parse("{ by: Region, aggregates: { Accounts: count }, order: -Acounts }");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "g.yaml:8:66: group.order '-Acounts' must be a list of Region values, or the name of one of the aggregates ('-' for descending) — did you mean 'Accounts'?");
    }
}
