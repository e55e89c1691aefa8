using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Sample;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary><c>split_by</c>: a query over the 10,000 cap read in ranges that each stay under it, de-duplicated.</summary>
public sealed class SearchSplitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SearchDefinition Everyone(string attribute) => new()
    {
        TermsJson = "[]",
        Fields = [new SearchField("ARR", $$"""{"type":"number_attribute","attribute":"{{attribute}}","field_display_name":"ARR"}""")],
        SplitBy = "ARR",
    };

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Fetch_25000Accounts_SplitByContractValue_ReadsEveryAccountOnce_OverLoopback()
    {
        // Arrange: the emulator itself refuses any page past the cap (status: failed), so success proves none was asked.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 25_000);
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();

        // Act
        var summary = await new SearchFetch(source, Everyone("Contract Value"), sink).RunAsync("all", Ct);

        // Assert
        sink.Ids.Count.ShouldBe(25_000);
        sink.Ids.ShouldBeUnique();
        summary.TotalItems.ShouldBe(25_000);
        summary.Complete.ShouldBeTrue();
        host.RequestLog.Count.ShouldBe(summary.Requests);
    }

    [Fact]
    public async Task Fetch_OverTheCap_SplitBy_OnTheSample_ReadsEveryAccount()
    {
        var sample = new SampleActiveListSource(new SampleSourceOptions { Accounts = 12_000, Seed = 2 });
        var sink = new RecordingSink();

        await new SearchFetch(sample, Everyone("Contract Value"), sink).RunAsync("all", Ct);

        sink.Ids.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, 12_000).Select(i => SampleAccountFactory.Create(2, i).AccountId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fetch_SplitByAFieldNoRecordHas_Exits5_SayingHowManyWereRead()
    {
        var sample = new SampleActiveListSource(new SampleSourceOptions { Accounts = 10_500, Seed = 2 });

        var ex = await Should.ThrowAsync<DataIncompleteException>(() => new SearchFetch(sample, Everyone("No Such Attribute"), new RecordingSink()).RunAsync("all", Ct));

        ex.Message.ShouldContain("of the 10,500 matching accounts were read");
        ex.Message.ShouldContain("no 'ARR' value");
        ex.Summary.Complete.ShouldBeFalse();
    }

    [Theory]
    [InlineData("split_by: Nope", "split_by must name one of the dataset's fields (CSM, ARR)")]
    [InlineData("split_by: CSM", "split_by needs a number or date field")]
    public void SplitBy_NotANumberOrDateField_IsAValidationError(string line, string expected)
    {
        var result = DefinitionLoader.Parse(
            $$"""
            title: S
            datasets:
              r:
                source: search
                terms: []
                fields:
                  - { name: CSM, type: string_attribute, attribute: Success Manager }
                  - { name: ARR, type: number_attribute, attribute: Contract Value }
                {{line}}
                columns: [ { name: CSM, path: fields.CSM } ]
            outputs: [ { format: csv, file: r.csv } ]
            """,
            "s.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Location.Line == 9);
    }
}
