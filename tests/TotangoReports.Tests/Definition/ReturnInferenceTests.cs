using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class ReturnInferenceTests
{
    private static IReadOnlyList<ReturnType> Infer(string datasetBody)
    {
        var text = "title: t\ndatasets:\n  a:\n    list: 1\n" + datasetBody + "outputs: [{ format: xlsx, file: x.xlsx }]\n";
        var result = DefinitionLoader.Parse(text, "r.yaml");
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        return result.Definition!.Datasets[0].Return;
    }

    [Fact]
    public void SummaryFields_NeedNothingMore() =>
        Infer("    columns: [{ name: A, path: name }, { name: S, path: engagement.score.current }]\n").ShouldBe([ReturnType.Summary]);

    [Fact]
    public void ColumnPaths_AddTheirReturnTypes() =>
        Infer("    columns: [{ name: L, path: lifecycle.current }, { name: U, path: 'users[0].name' }, { name: S, path: stats.last_activity }]\n")
            .ShouldBe([ReturnType.Stats, ReturnType.Users, ReturnType.Lifecycle]);

    [Fact]
    public void Activities_ImplyStats() =>
        Infer("    activities: { names: [login] }\n").ShouldBe([ReturnType.Stats]);

    [Fact]
    public void Expressions_ReadingAccountMembers_AddTheirReturnTypes() =>
        Infer("    columns: [{ name: N, expr: 'account.users | array.size' }]\n    filter: 'account[\"lifecycle\"] != null'\n")
            .ShouldBe([ReturnType.Users, ReturnType.Lifecycle]);

    [Fact]
    public void Aggregates_ReadingAccountStats_AddStats() =>
        Infer("    columns: [{ name: N, path: name }]\n    group: { by: N, aggregates: { X: 'account.stats.last_activity' } }\n")
            .ShouldBe([ReturnType.Stats]);

    [Fact]
    public void WrittenReturn_IsKeptAsWritten() =>
        Infer("    return: [users, stats]\n    columns: [{ name: N, path: name }]\n").ShouldBe([ReturnType.Users, ReturnType.Stats]);
}
