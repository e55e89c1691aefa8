using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary><c>history: { keep: 104w }</c> (PRODUCT.md §4b, §8): a span in hours, days or weeks; errors at file:line:col.</summary>
public sealed class HistoryDefinitionTests
{
    private static string Definition(string history) => $"""
        title: History
        datasets:
          accounts:
            list: 1
            columns:
              - {"{"} name: Account, path: name {"}"}
        outputs:
          - {"{"} format: csv, file: a.csv {"}"}
        {history}
        """;

    [Theory]
    [InlineData("history: { keep: 104w }", 104 * 7 * 24)]
    [InlineData("history: { keep: 30d }", 30 * 24)]
    [InlineData("history: { keep: 36h }", 36)]
    public void Keep_IsASpan_AndTheSchemaAgrees(string history, int hours)
    {
        var yaml = Definition(history);

        var result = DefinitionLoader.Parse(yaml, "history.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.History!.Keep.ShouldBe(TimeSpan.FromHours(hours));
        SchemaValidator.EvaluateYaml(yaml).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void History_WithoutKeep_KeepsEverything_AndNoBlockMeansNoHistory()
    {
        var withBlock = DefinitionLoader.Parse(Definition("history: {}"), "history.yaml");
        var without = DefinitionLoader.Parse(Definition(""), "history.yaml");

        withBlock.Definition!.History.ShouldNotBeNull();
        withBlock.Definition.History.Keep.ShouldBeNull();
        without.Definition!.History.ShouldBeNull();
    }

    [Theory]
    [InlineData("2 years")]
    [InlineData("3m")]
    [InlineData("0w")]
    public void Keep_NotASpan_IsAnErrorAtItsValue(string keep)
    {
        var yaml = Definition($"history: {{ keep: {keep} }}");

        var result = DefinitionLoader.Parse(yaml, "history.yaml");

        result.Success.ShouldBeFalse();
        var error = result.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldContain("history.keep must be a span such as 7d, 12w or 24h");
        error.Location.Line.ShouldBe(9);
        error.Location.Column.ShouldBe(yaml.Split('\n')[8].IndexOf(keep, StringComparison.Ordinal) + 1);
        SchemaValidator.EvaluateYaml(yaml).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void History_UnknownKey_GetsAHint()
    {
        var result = DefinitionLoader.Parse(Definition("history: { kep: 104w }"), "history.yaml");

        result.Diagnostics.Single(d => d.IsError).Message.ShouldContain("keep");
    }
}
