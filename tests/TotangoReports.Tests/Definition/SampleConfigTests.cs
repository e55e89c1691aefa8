using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class SampleConfigTests
{
    public static TheoryData<string> Samples() => [.. RepoFiles.SampleConfigs().Select(p => Path.GetFileName(p))];

    [Fact]
    public void TheSamplesShip()
    {
        RepoFiles.SampleConfigs().Select(p => Path.GetFileName(p)).ShouldBe(
            ["activities-export.yaml", "engagement.yaml", "inactive-accounts-delta.yaml", "renewals-by-owner.yaml", "weekly-usage.yaml"]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_LoadsWithZeroDiagnostics(string file)
    {
        var result = DefinitionLoader.Load(RepoFiles.PathOf("sample-config", file));

        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        result.Success.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ValidatesAgainstTheJsonSchema(string file)
    {
        var yaml = File.ReadAllText(RepoFiles.PathOf("sample-config", file));

        var results = SchemaValidator.EvaluateYaml(yaml);

        results.IsValid.ShouldBeTrue(SchemaValidator.Describe(results));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_PointsEditorsAtTheSchema(string file)
    {
        var firstLine = File.ReadLines(RepoFiles.PathOf("sample-config", file)).First();

        firstLine.ShouldBe("# yaml-language-server: $schema=../schema/report-definition.schema.json");
    }

    [Fact]
    public void WeeklyUsage_IsTheExecReport()
    {
        var definition = DefinitionLoader.Load(RepoFiles.PathOf("sample-config", "weekly-usage.yaml")).Definition!;

        var dataset = definition.Datasets.ShouldHaveSingleItem();
        dataset.List.ShouldBe("1");
        dataset.Return.ShouldBe([ReturnType.Stats]);
        dataset.Columns.ShouldContain(c => c.Expr != null);
        dataset.Group!.By.ShouldBe("Region");
        definition.Outputs.Select(o => o.Format).ShouldBe([OutputFormat.Xlsx, OutputFormat.Pdf, OutputFormat.Html, OutputFormat.Csv]);
        definition.Outputs.Single(o => o.Format == OutputFormat.Html).Template.ShouldBe("exec-summary");
        definition.Delivery!.Email!.To.ShouldBe(["execs@example.com"]);
        definition.Delivery.Email.Attach.ShouldBe([OutputFormat.Xlsx, OutputFormat.Pdf]);
    }

    [Fact]
    public void ActivitiesExport_PivotsTheSampleActivities()
    {
        var dataset = DefinitionLoader.Load(RepoFiles.PathOf("sample-config", "activities-export.yaml")).Definition!.Datasets[0];

        dataset.Activities!.Names.ShouldBe(["create-task", "delegate-task", "report-complete", "login"]);
        dataset.Activities.Windows.ShouldBe(["past_7d", "past_30d", "past_90d"]);
        dataset.Columns.Select(c => c.Name).ShouldBe(["account-id", "account-name", "first-activity", "last-activity"]);
    }

    [Fact]
    public void InactiveAccountsDelta_ReadsRecentSinceLastRun()
    {
        var dataset = DefinitionLoader.Load(RepoFiles.PathOf("sample-config", "inactive-accounts-delta.yaml")).Definition!.Datasets[0];

        dataset.Endpoint.ShouldBe(ListEndpoint.Recent);
        dataset.Since.ShouldBe("last-run");
        dataset.Return.ShouldBe([ReturnType.Stats]);
    }
}
