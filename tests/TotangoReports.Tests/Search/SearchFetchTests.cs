using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Sample;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary>The Search API client against the emulator over loopback: paging, mapping, the cap and every failure path.</summary>
public sealed class SearchFetchTests
{
    private const string Sentinel = "SENTINEL-APP-TOKEN-5ea7c4";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SearchDefinition Paying(int count = 1000) => new()
    {
        TermsJson = """[{"type":"string","term":"status_group","in_list":["paying"]}]""",
        Fields =
        [
            new SearchField("CSM", """{"type":"string_attribute","attribute":"Success Manager","field_display_name":"CSM"}"""),
            new SearchField("ARR", """{"type":"number_attribute","attribute":"Contract Value","field_display_name":"ARR"}"""),
        ],
        Count = count,
    };

    private static SearchDefinition Everyone(int count = 1000) => new() { TermsJson = "[]", Count = count };

    [Fact]
    public async Task Fetch_PagesByRecordOffset_UntilTotalHits_AndMapsEveryHit()
    {
        // Arrange: 2,500 accounts, pages of 400, so the paying ones span several pages and end on a short one.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 2500);
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();
        var expected = Enumerable.Range(0, 2500).Select(i => SampleAccountFactory.Create(7, i)).Where(a => a.Status == "Paying").ToDictionary(a => a.AccountId);

        // Act
        var summary = await new SearchFetch(source, Paying(400), sink).RunAsync("renewals", Ct);

        // Assert: every paying account once, its fields by position, offsets 0, 400, 800, …
        sink.Ids.Count.ShouldBe(expected.Count);
        sink.Ids.ShouldBeUnique();
        summary.TotalItems.ShouldBe(expected.Count);
        summary.Pages.ShouldBe((expected.Count + 399) / 400);
        foreach (var raw in sink.RawAccounts)
        {
            using var record = JsonDocument.Parse(raw);
            var account = expected[record.RootElement.GetProperty("account_id").GetString()!];
            record.RootElement.GetProperty("name").GetString().ShouldBe(account.Name);
            record.RootElement.GetProperty("fields").GetProperty("CSM").GetString().ShouldBe(SampleSearch.Owner(account).Name);
            record.RootElement.GetProperty("fields").GetProperty("ARR").GetInt32().ShouldBe(SampleSearch.ContractValue(account));
            record.RootElement.GetProperty("last_activity_time").GetInt64().ShouldBe(account.LastActivity.ToUnixTimeMilliseconds());
        }

        host.RequestLog.ShouldAllBe(r => r.Path == "/api/v1/search/accounts");
        host.RequestLog.Count.ShouldBe(summary.Pages);
    }

    [Fact]
    public async Task Fetch_ExactMultipleOfCount_StopsAtTotalHits_WithoutAnEmptyPage()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 600);
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();

        var summary = await new SearchFetch(source, Everyone(200), sink).RunAsync("all", Ct);

        sink.Ids.Count.ShouldBe(600);
        summary.Pages.ShouldBe(3);
        host.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task Fetch_MoreThanTheCap_Exits5WithTheCountAndHowToNarrow_WithoutAskingPastIt()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 12_000);
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<DataIncompleteException>(() => new SearchFetch(source, Everyone(), new RecordingSink()).RunAsync("all", Ct));

        ex.Message.ShouldContain("12,000");
        ex.Message.ShouldContain("10,000");
        ex.Message.ShouldContain("Narrow 'terms'");
        ex.Summary.Complete.ShouldBeFalse();

        // The first page tells total_hits; nothing past it is requested.
        host.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_RetriesServerErrors_AndHonoursRetryAfter_ThenCompletes()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 300);
        host.Options.Faults.Add(new EmulatorFault { Page = 1, StatusCode = 503, Times = 2 });
        host.Options.Faults.Add(new EmulatorFault { Page = 2, StatusCode = 429, RetryAfter = "3" });
        var time = new VirtualTimeProvider();
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), time);
        var sink = new RecordingSink();

        var summary = await new SearchFetch(source, Everyone(100), sink).RunAsync("all", Ct);

        sink.Ids.Count.ShouldBe(300);
        summary.Pages.ShouldBe(3);
        source.Retries.ShouldBe(3);
        host.Requests.ShouldBe(6);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Fetch_TokenRefused_IsAnAuthError_WithoutTheToken(int status)
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.UnauthorizedStatusCode = status);
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = Sentinel;
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoAuthException>(() => new SearchFetch(source, Everyone(), new RecordingSink()).RunAsync("all", Ct));

        ex.StatusCode.ShouldBe(status);
        ex.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task Fetch_AcceptsTheTokenOnlyInAppToken()
    {
        // The emulator reads app-token for search: a client sending Authorization only would be refused above.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 5);
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();

        await new SearchFetch(source, Everyone(), sink).RunAsync("all", Ct);

        sink.Ids.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Fetch_StatusFailedWithHttp200_IsAnApiErrorWithTheApiMessage_Redacted()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 20, token: null);
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = Sentinel;
        host.Options.Faults.Add(new EmulatorFault { StatusCode = 200, Body = $$"""{"status":"failed","_error":"bad query for token {{Sentinel}}"}""" });
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => new SearchFetch(source, Everyone(), new RecordingSink()).RunAsync("all", Ct));

        ex.Message.ShouldContain("bad query for token");
        ex.ToString().ShouldNotContain(Sentinel);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    public async Task Fetch_HttpErrors_NeverShowTheToken(int status)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = 10 }, Ct);
        host.Options.Faults.Add(new EmulatorFault { StatusCode = status, Times = 10, Body = $$"""{"_error":"echo {{Sentinel}}"}""" });
        var options = EmulatorTestKit.Options(host, maxRetries: 1);
        options.ApiToken = Sentinel;
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => new SearchFetch(source, Everyone(), new RecordingSink()).RunAsync("all", Ct));

        ex.StatusCode.ShouldBe(status);
        ex.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task Fetch_TruncatedBody_IsAnApiError()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 50);
        host.Options.Faults.Add(new EmulatorFault { Truncate = true });
        using var source = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => new SearchFetch(source, Everyone(), new RecordingSink()).RunAsync("all", Ct));

        ex.Message.ShouldContain("not JSON");
    }

    [Fact]
    public async Task Emulator_RefusesAPagePastTheCap_AsStatusFailed()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 10);
        var source = host.Sample!;

        var body = source.Search(SearchEntity.Accounts, """{"terms":[],"fields":[],"offset":9500,"count":1000}""");

        SearchPage.Failure(body).ShouldNotBeNull().ShouldContain("10000");
    }

    [Fact]
    public async Task SampleSource_AnswersSearch_WithTheSameAccountsAsTheLists()
    {
        var sample = new SampleActiveListSource(new SampleSourceOptions { Accounts = 300, Seed = 7 });
        var sink = new RecordingSink();

        await new SearchFetch(sample, Paying(), sink).RunAsync("renewals", Ct);

        var listSink = new RecordingSink();
        await new ActiveListFetcher(sample).FetchAsync(new ActiveListQuery("1004", ListEndpoint.Current, ReturnType.Summary), listSink, cancellationToken: Ct);
        sink.Ids.Order(StringComparer.Ordinal).ShouldBe(listSink.Ids.Order(StringComparer.Ordinal));
    }
}
