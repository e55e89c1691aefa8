using TotangoReports.Definition;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Tests.Search;

/// <summary><c>lookup:</c> columns: a dataset reads another's row with the same account id.</summary>
public sealed class LookupTests
{
    private const string Enriched = """
        title: Enriched
        timezone: UTC
        datasets:
          everyone:
            list: 1
            columns:
              - { name: Account ID, path: account_id }
              - { name: CSM, lookup: renewals.CSM }
              - { name: ARR, lookup: renewals.ARR }
              - { name: Size, expr: 'ARR > 5000 ? "big" : "small"' }
            sort: [-ARR]
          renewals:
            source: search
            terms: [ { type: string, term: status_group, in_list: [paying] } ]
            fields:
              - { name: CSM, type: string_attribute, attribute: Success Manager }
              - { name: ARR, type: number_attribute, attribute: Contract Value }
            columns:
              - { name: Account ID, path: account_id }
              - { name: CSM, path: fields.CSM }
              - { name: ARR, path: fields.ARR, type: number }
        outputs:
          - { format: csv, file: e.csv, dataset: everyone }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListDataset_LooksUpSearchFields_ByAccountId_AndCountsAccountsMissingThere()
    {
        // Arrange: every account on one side, only the paying ones on the other; the lookup dataset comes second.
        var accounts = Enumerable.Range(0, 400).Select(i => SampleAccountFactory.Create(5, i)).ToList();
        var unpaid = accounts.Count(a => a.Status != "Paying");

        // Act
        var report = await new ReportEngine().BuildAsync(ReportEngine.ParseDefinition(Enriched), ReportSource.Sample(400, seed: 5), cancellationToken: Ct);

        // Assert: the values are the other dataset's, typed as there, usable by expressions and sort.
        var table = report.Datasets[0];
        table.Rows.Count.ShouldBe(400);
        foreach (var row in table.Rows)
        {
            var account = accounts.Single(a => a.AccountId == row.AccountId);
            if (account.Status == "Paying")
            {
                row[table.ColumnIndex("CSM")].ShouldBe(SampleSearch.Owner(account).Name);
                row[table.ColumnIndex("ARR")].ShouldBe((double)SampleSearch.ContractValue(account));
                row[table.ColumnIndex("Size")].ShouldBe(SampleSearch.ContractValue(account) > 5000 ? "big" : "small");
            }
            else
            {
                row[table.ColumnIndex("CSM")].ShouldBeNull();
            }
        }

        table.Columns[table.ColumnIndex("ARR")].Kind.ShouldBe(TotangoReports.Data.CellKind.Number);
        table.Rows[0][table.ColumnIndex("ARR")].ShouldBe((double)accounts.Max(a => a.Status == "Paying" ? SampleSearch.ContractValue(a) : 0));
        report.Warnings.ShouldContain($"lookup renewals.CSM: {unpaid:N0} of 400 accounts have no row in dataset 'renewals'; their cells are empty.");
    }

    [Fact]
    public async Task Run_FetchesTheLookedUpDatasetFirst_AndKeepsTheDefinitionOrderInTheReport()
    {
        await using var host = await Api.EmulatorTestKit.StartAsync(accounts: 150);
        var engine = new ReportEngine(new ReportEngineOptions { Totango = Api.EmulatorTestKit.Options(host) });

        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(Enriched), ReportSource.Live, cancellationToken: Ct);

        host.RequestLog[0].Path.ShouldBe("/api/v1/search/accounts");
        host.RequestLog[^1].Path.ShouldStartWith("/api/v1/accounts/active_list/1/");
        report.Datasets.Select(d => d.Name).ShouldBe(["everyone", "renewals"]);
    }

    [Theory]
    [InlineData("lookup: nope.CSM", "lookup names dataset 'nope', which does not exist")]
    [InlineData("lookup: renewals.Owner", "dataset 'renewals' has no column 'Owner'")]
    [InlineData("lookup: everyone.CSM", "looks up its own dataset")]
    [InlineData("lookup: renewals", "lookup must be 'dataset.column'")]
    [InlineData("lookup: renewals.CSM, path: name", "has 'lookup' and 'path'; keep one")]
    public void Lookup_ToWhatDoesNotExist_IsAValidationError(string column, string expected)
    {
        var text = Enriched.Replace("{ name: CSM, lookup: renewals.CSM }", $"{{ name: CSM, {column} }}", StringComparison.Ordinal);

        var result = DefinitionLoader.Parse(text, "l.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Location.Line == 8, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Lookups_InACycle_AreAValidationError()
    {
        var text = Enriched.Replace("- { name: CSM, path: fields.CSM }", "- { name: CSM, lookup: everyone.CSM }", StringComparison.Ordinal);

        var result = DefinitionLoader.Parse(text, "l.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains("form a cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Lookup_ValidatesAgainstTheJsonSchema()
    {
        Definition.SchemaValidator.EvaluateYaml(Enriched).IsValid.ShouldBeTrue();
        Definition.SchemaValidator.EvaluateYaml(Enriched.Replace("lookup: renewals.CSM", "lookup: renewals", StringComparison.Ordinal)).IsValid.ShouldBeFalse();
    }
}
