using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>An output's <c>rows: N</c> (PRODUCT.md §4b): a positive whole number, errors at file:line:col.</summary>
public sealed class OutputRowsTests
{
    private static string Definition(string outputs) => $"""
        title: Rows
        datasets:
          accounts:
            list: 1
            columns:
              - {"{"} name: Account, path: name {"}"}
        outputs:
        {outputs}
        """;

    [Fact]
    public void Rows_IsKeptPerOutput_AndAbsentMeansEveryRow()
    {
        var yaml = Definition("""
              - { format: pdf, file: weekly.pdf, rows: 25 }
              - { format: html, file: mail.html, rows: 10 }
              - { format: xlsx, file: all.xlsx }
            """);

        var result = DefinitionLoader.Parse(yaml, "rows.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Outputs.Select(o => o.Rows).ShouldBe([25, 10, null]);
        SchemaValidator.EvaluateYaml(yaml).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("0", "rows must be a positive whole number")]
    [InlineData("many", "rows must be a positive whole number")]
    [InlineData("'25'", "rows must be a number, not text")]
    public void Rows_NotAPositiveWholeNumber_IsAnErrorAtItsValue(string value, string message)
    {
        var yaml = Definition($"  - {{ format: pdf, file: weekly.pdf, rows: {value} }}");

        var result = DefinitionLoader.Parse(yaml, "rows.yaml");

        result.Success.ShouldBeFalse();
        var error = result.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldContain(message);
        error.Location.Line.ShouldBe(8);
        error.Location.Column.ShouldBe(yaml.Split('\n')[7].IndexOf(value, StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Rows_OnCsv_IsAWarningThatItIsIgnored()
    {
        var yaml = Definition("  - { format: csv, file: all.csv, rows: 25 }");

        var result = DefinitionLoader.Parse(yaml, "rows.yaml");

        result.Success.ShouldBeTrue();
        result.Diagnostics.ShouldContain(d => !d.IsError && d.Message.Contains("csv always holds every row", StringComparison.Ordinal));
    }
}
