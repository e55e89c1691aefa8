using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Sample;

public sealed class SampleActiveListSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonDocument> PageAsync(SampleActiveListSource source, ActiveListQuery query, int offset, int length) =>
        JsonDocument.Parse(await source.GetPageAsync(query, offset, length, Ct));

    private static List<string> Ids(JsonDocument page) =>
        [.. page.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account_id").GetString()!)];

    [Fact]
    public async Task Page_HasTheVendorEnvelope()
    {
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = 250 });

        using var page = await PageAsync(source, new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Summary), 2, 100);
        var root = page.RootElement;

        root.GetProperty("_type").GetString().ShouldBe("accounts-active-list");
        root.GetProperty("service_id").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("_revision").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("_version").GetRawText().ShouldBe("1.0");
        root.GetProperty("total_items").GetInt32().ShouldBe(250);
        root.GetProperty("current_item_count").GetInt32().ShouldBe(50);
        root.GetProperty("response_header").GetProperty("scope").GetString().ShouldBe("all");
        root.GetProperty("response_header").GetProperty("length").GetInt32().ShouldBe(100);
        root.GetProperty("response_header").GetProperty("offset").GetInt32().ShouldBe(2);
        Ids(page).ShouldBe(SampleData.Generate(250, 1).Skip(200).Select(a => a.AccountId));
    }

    [Fact]
    public async Task Offset_PageOrItemSemantics_AsConfigured()
    {
        var query = new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Summary);
        var expected = SampleData.Generate(100, 1).Select(a => a.AccountId).ToList();

        using var byPage = await PageAsync(new SampleActiveListSource(new SampleSourceOptions { Accounts = 100, OffsetMode = OffsetMode.Page }), query, 1, 10);
        using var byItem = await PageAsync(new SampleActiveListSource(new SampleSourceOptions { Accounts = 100, OffsetMode = OffsetMode.Item }), query, 1, 10);

        Ids(byPage).ShouldBe(expected.Skip(10).Take(10));
        Ids(byItem).ShouldBe(expected.Skip(1).Take(10));
    }

    [Fact]
    public async Task Length_AboveTheCap_IsCapped()
    {
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = 100, PageSizeCap = 30 });

        using var page = await PageAsync(source, new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Summary), 0, 1000);

        Ids(page).Count.ShouldBe(30);
        page.RootElement.GetProperty("response_header").GetProperty("length").GetInt32().ShouldBe(30);
    }

    [Fact]
    public async Task RecentAndPast_FilterBySince()
    {
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = 400 });
        var since = SampleData.Epoch.AddDays(-120);
        var accounts = SampleData.Generate(400, 1);

        using var recent = await PageAsync(source, new ActiveListQuery("1", ListEndpoint.Recent, ReturnType.Summary, since.ToUnixTimeSeconds()), 0, 1000);
        using var past = await PageAsync(source, new ActiveListQuery("1004", ListEndpoint.Past, ReturnType.Summary, since.ToUnixTimeSeconds()), 0, 1000);

        Ids(recent).ShouldBe(accounts.Where(a => a.EnteredListAt >= since).Select(a => a.AccountId));
        Ids(past).ShouldBe(accounts.Where(a => a.LeftListAt >= since).Select(a => a.AccountId));
        Ids(recent).ShouldNotBeEmpty();
        Ids(past).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task UnknownListOrMissingSince_IsABadRequest()
    {
        var source = new SampleActiveListSource();

        var unknown = await Should.ThrowAsync<TotangoApiException>(() => source.GetPageAsync(new ActiveListQuery("999", ListEndpoint.Current, ReturnType.Summary), 0, 10, Ct));
        var noSince = await Should.ThrowAsync<TotangoApiException>(() => source.GetPageAsync(new ActiveListQuery("1", ListEndpoint.Past, ReturnType.Summary), 0, 10, Ct));

        unknown.StatusCode.ShouldBe(400);
        unknown.Message.ShouldContain("999");
        noSince.Message.ShouldContain("since");
    }

    [Fact]
    public async Task SampleRun_ThroughTheFetcher_YieldsAllSevenHundredAccounts()
    {
        var sink = new TotangoReports.Tests.Api.RecordingSink();

        var summary = await new ActiveListFetcher(new SampleActiveListSource()).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Stats), sink, cancellationToken: Ct);

        summary.TotalItems.ShouldBe(700);
        sink.Ids.ShouldBe(SampleData.Generate(700, 1).Select(a => a.AccountId));
    }
}
