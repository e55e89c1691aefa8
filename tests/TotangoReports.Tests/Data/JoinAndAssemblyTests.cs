using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class JoinAndAssemblyTests
{
    [Fact]
    public void TwoReturnTypes_JoinOnAccountId_InFirstSeenOrder()
    {
        var dataset = new DatasetDefinition
        {
            Name = "accounts",
            List = "1",
            Return = [ReturnType.Stats, ReturnType.Users],
            Columns =
            [
                Path("Account", "name", ColumnType.Text),
                Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
                Expr("Known users", "account.users | array.size"),
            ],
        };

        var (table, _) = Build(dataset, Context(),
        [
            (ReturnType.Stats, """{ "account_id": "b", "name": "Beta", "stats": { "users": { "past_30d": { "all": 4 } } } }"""),
            (ReturnType.Stats, """{ "account_id": "a", "name": "Alpha", "stats": { "users": { "past_30d": { "all": 9 } } } }"""),
            (ReturnType.Users, """{ "account_id": "a", "name": "Alpha", "users": [ { "name": "x" }, { "name": "y" } ] }"""),
            (ReturnType.Users, """{ "account_id": "c", "name": "Gamma", "users": [ { "name": "z" } ] }"""),
            (ReturnType.Users, """{ "account_id": "b", "name": "Beta", "users": [] }"""),
        ]);

        table.Rows.Select(r => r.AccountId).ShouldBe(["b", "a", "c"]);
        table.ColumnValues("Users 30d").ShouldBe([4d, 9d, null]);
        table.ColumnValues("Known users").ShouldBe([0d, 2d, 1d]);
        table.Users!.Select(u => $"{u.AccountId}:{u.User}").ShouldBe(["a:x", "a:y", "c:z"]);
    }

    [Fact]
    public void RecordsWithoutAccountId_AreSkipped_WithWarning()
    {
        var (table, warnings) = Build(Dataset(Path("Name", "name")), """{ "name": "ghost" }""", """{ "account_id": 17, "name": "numeric id" }""");

        table.Rows.ShouldHaveSingleItem().AccountId.ShouldBe("17");
        warnings.ShouldHaveSingleItem().ShouldContain("account_id");
    }

    [Fact]
    public void Facts_CoverEveryAccount_BeforeFilter()
    {
        var dataset = Dataset(Path("Score", "engagement.score.current")) is var d ? new DatasetDefinition { Name = d.Name, List = d.List, Columns = d.Columns, Filter = "Score > 50" } : null!;

        var (table, _) = Build(dataset,
            """{ "account_id": "a", "name": "A", "engagement": { "score": { "current": 80 }, "health": { "current": "Good" } } }""",
            """{ "account_id": "b", "engagement": { "score": { "current": "20" } } }""");

        table.Rows.Count.ShouldBe(1);
        table.Accounts.Count.ShouldBe(2);
        table.Accounts[0].ShouldBe(new AccountFacts("a", "A", 80, "Good", table.Accounts[0].ActivityTotals));
        table.Accounts[1].Name.ShouldBe(string.Empty);
        table.Accounts[1].Score.ShouldBe(20d);
        table.Accounts[1].ActivityTotals.ShouldBeEmpty();
    }

    [Fact]
    public void Assembler_OrdersDatasetsAsDefined_AndCarriesContext()
    {
        var definition = new ReportDefinition
        {
            Title = "Weekly",
            SourcePath = "weekly.yaml",
            TimeZone = "Europe/Paris",
            Parameters = new Dictionary<string, ParameterDefinition> { ["region"] = new("region", "EMEA") },
            Datasets = [new DatasetDefinition { Name = "first", List = "1" }, new DatasetDefinition { Name = "second", List = "2" }],
        };
        var context = ReportContext.Create(definition, new Dictionary<string, string> { ["extra"] = "1" }, new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var second = new DatasetBuilder(definition.Datasets[1], context).Build(new FetchSummary { Pages = 3 });
        var first = new DatasetBuilder(definition.Datasets[0], context).Build(new FetchSummary());

        var report = ReportAssembler.Create(definition, context, [second, first], ["careful"]);

        report.Datasets.Select(d => d.Name).ShouldBe(["first", "second"]);
        report.Datasets[1].Fetch.Pages.ShouldBe(3);
        report.GeneratedAt.Offset.ShouldBe(TimeSpan.Zero);
        report.GeneratedAt.Hour.ShouldBe(8);
        report.GeneratedAtLocal.Hour.ShouldBe(10);
        report.Parameters["region"].ShouldBe("EMEA");
        report.Parameters["extra"].ShouldBe("1");
        report.Warnings.ShouldBe(["careful"]);
        report.Title.ShouldBe("Weekly");
    }

    [Fact]
    public void Context_ParamOverridesWin_UnknownZoneIsAClearError()
    {
        var definition = new ReportDefinition
        {
            Title = "t",
            SourcePath = "def.yaml",
            Parameters = new Dictionary<string, ParameterDefinition> { ["region"] = new("region", "EMEA") },
            Datasets = [],
        };

        ReportContext.Create(definition, new Dictionary<string, string> { ["region"] = "APAC" }, Now).Parameters["region"].ShouldBe("APAC");
        var bad = new ReportDefinition { Title = "t", SourcePath = "def.yaml", TimeZone = "Mars/Olympus", Datasets = [] };
        Should.Throw<ArgumentException>(() => ReportContext.Create(bad, null, Now)).Message.ShouldContain("Mars/Olympus");
    }

    [Fact]
    public void Builder_IsOneShot_SecondBuildOrLateAddIsAClearError()
    {
        var builder = new DatasetBuilder(Dataset(Path("Name", "name")), Context());
        builder.Add(ReturnType.Stats, DataKit.Json("""{ "account_id": "a" }"""));
        builder.Build(new FetchSummary()).Rows.Count.ShouldBe(1);

        Should.Throw<InvalidOperationException>(() => builder.Build(new FetchSummary())).Message.ShouldContain("accounts");
        Should.Throw<InvalidOperationException>(() => builder.Add(ReturnType.Stats, DataKit.Json("""{ "account_id": "b" }""")));
    }
}
