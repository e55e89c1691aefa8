using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>What the vendor's scripts read must validate: their paths, their windows, return=all, their headers.</summary>
public sealed class ScriptShapeDefinitionTests
{
    private static DefinitionParseResult Parse(string dataset) => DefinitionLoader.Parse(
        "title: Scripts\ndatasets:\n  d:\n    list: 1004\n" +
        string.Join('\n', dataset.Split('\n').Select(l => "    " + l)) +
        "\noutputs:\n  - { format: csv, file: d.csv }\n",
        "s.yaml");

    [Fact]
    public void Validate_AcceptsThePathsTheScriptsRead()
    {
        var result = Parse("""
            columns:
              - { name: Visits, path: frequency.current }
              - { name: First activity name, path: "stats.activities.past_7d.activities[0].name" }
              - { name: First activity count, path: "stats.activities.past_30d.activities[0].current" }
              - { name: Users 60d, path: stats.users.past_60d.all }
            """);

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Datasets[0].Return.ShouldBe([ReturnType.Stats]);
    }

    [Fact]
    public void ReturnAll_IsAccepted_AndCoversStatsUsersAndLifecycle()
    {
        var result = Parse("""
            return: all
            columns:
              - { name: Visits, path: frequency.current }
              - { name: First user, path: "users[0].name" }
              - { name: Status, path: lifecycle.current }
            """);

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Datasets[0].Return.ShouldBe([ReturnType.All]);
    }

    [Fact]
    public void ActivitiesHeader_NamesThePivotColumns_SoSortCanUseThem()
    {
        var result = Parse("""
            columns: [{ name: Id, path: account_id }]
            activities: { names: [Login], windows: [past_7d, past_60d], header: "{activity}_{window}" }
            sort: ["-Login_60d", Login_7d]
            """);

        result.Diagnostics.ShouldBeEmpty();
        var activities = result.Definition!.Datasets[0].Activities!;
        activities.Windows.ShouldBe(["past_7d", "past_60d"]);
        activities.ColumnName("Login", "past_7d").ShouldBe("Login_7d");
    }

    [Fact]
    public void ActivitiesHeader_WithoutNames_StillMatchesSortKeysByThePattern()
    {
        var result = Parse("""
            columns: [{ name: Id, path: account_id }]
            activities: { windows: [past_30d], header: "{activity} ({window_name})" }
            sort: ["-anything (past_30d)"]
            """);

        result.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{activity}", "must contain {activity} and {window}")]
    [InlineData("{window}-only", "must contain {activity} and {window}")]
    [InlineData("{activity}_{windw}", "unknown placeholder")]
    public void ActivitiesHeader_ThatCannotTellColumnsApart_IsRefusedWhereWritten(string header, string message)
    {
        var result = Parse($$"""
            columns: [{ name: Id, path: account_id }]
            activities: { names: [Login], header: "{{header}}" }
            """);

        var error = result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.Message.ShouldContain(message);
        error.Location.Line.ShouldBe(6);
    }
}
