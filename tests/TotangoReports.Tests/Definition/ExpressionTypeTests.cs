using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>validate type-checks expressions: a date or number column compared with text is an error at its position.</summary>
public sealed class ExpressionTypeTests
{
    private static DefinitionParseResult Parse(string filter) => DefinitionLoader.Parse(
        $$"""
        title: Types
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
              - { name: Renewal, path: attributes.Renewal-Date, type: date }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Flag, expr: 'Score > "50"' }
            filter: '{{filter}}'
        outputs:
          - { format: csv, file: a.csv }
        """,
        "t.yaml");

    [Fact]
    public void DateAndNumberComparedWithText_AreErrorsAtTheColumn_WithTheFix()
    {
        var result = Parse("Renewal > \"2027-01-01\" || Account == \"x\"");

        result.Success.ShouldBeFalse();
        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "t.yaml:9:30: expr of column 'Flag' compares column 'Score', a number, with the text \"50\", which never compares as intended; compare with a number (without quotes: 50)",
            "t.yaml:10:14: filter compares column 'Renewal', a date, with the text \"2027-01-01\", which never compares as intended; compare with a date: date.parse \"2027-01-01\"",
        ]);
    }

    [Fact]
    public void TextColumnComparedWithText_AndDateWithADate_AreFine()
    {
        var result = Parse("Account == \"x\" || Renewal > date.parse \"2027-01-01\"");

        result.Diagnostics.Where(d => d.IsError).Select(d => d.Message).ShouldNotContain(m => m.Contains("Renewal", StringComparison.Ordinal));
    }
}
