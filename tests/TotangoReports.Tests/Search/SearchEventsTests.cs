using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Sample;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary><c>entity: events</c> over loopback: page-number offsets, one record per event, the cap and the failures.</summary>
public sealed class SearchEventsTests
{
    private const string Sentinel = "SENTINEL-APP-TOKEN-e7e175";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SearchDefinition Events(int count, string terms = "[]") => new() { Entity = SearchEntity.Events, TermsJson = terms, Count = count };

    private static List<(SampleAccount Account, SampleEvent Event)> Expected(EmulatorHost host, int accounts) =>
        [.. Enumerable.Range(0, accounts).Select(i => SampleAccountFactory.Create(7, i, host.Sample!.Options.Epoch))
            .SelectMany(a => SampleEvents.For(a, 7, host.Sample!.Options.Epoch).Select(e => (a, e)))];

    [Fact]
    public async Task Fetch_Events_PagesByPageNumber_AndMapsEachEventToItsAccount()
    {
        // Arrange: 150 accounts' timelines in pages of 40.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 150);
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var source = new RecordingSearchSource(http);
        var sink = new RecordingSink();
        var expected = Expected(host, 150).ToDictionary(x => x.Event.Id);

        // Act
        var summary = await new SearchFetch(source, Events(40), sink).RunAsync("touches", Ct);

        // Assert: offset 0, 1, 2, … (page numbers, not record indexes), fields [], every event once, newest first.
        var queries = source.Queries.Select(q => JsonDocument.Parse(q.Query).RootElement).ToList();
        queries.Select(q => q.GetProperty("offset").GetInt32()).ShouldBe(Enumerable.Range(0, (expected.Count + 39) / 40));
        queries.ShouldAllBe(q => q.GetProperty("fields").GetArrayLength() == 0 && q.GetProperty("count").GetInt32() == 40);
        summary.TotalItems.ShouldBe(expected.Count);
        sink.RawAccounts.Count.ShouldBe(expected.Count);
        var times = new List<long>();
        foreach (var raw in sink.RawAccounts)
        {
            using var record = JsonDocument.Parse(raw);
            var root = record.RootElement;
            var (account, e) = expected[root.GetProperty("event_id").GetString()!];
            root.GetProperty("account_id").GetString().ShouldBe(account.AccountId);
            root.GetProperty("name").GetString().ShouldBe(account.Name);
            root.GetProperty("type").GetString().ShouldBe(e.Type);
            root.GetProperty("properties").GetProperty("subject").GetString().ShouldBe(e.Subject);
            times.Add(root.GetProperty("timestamp").GetInt64());
        }

        times.ShouldBe(times.OrderDescending());
        host.RequestLog.ShouldAllBe(r => r.Path == "/api/v2/events/search");
    }

    [Fact]
    public async Task Fetch_EventTerms_SelectByTypeAndDate()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 100);
        var cutoff = host.Sample!.Options.Epoch.AddDays(-30).ToUnixTimeMilliseconds();
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();
        var terms = $$"""[{"type":"or","or":[{"type":"event_property","name":"event_type","eq":"note"},{"type":"event_property","name":"event_type","eq":"campaign_touch"}]},{"type":"date","term":"date","gte":{{cutoff}}}]""";

        await new SearchFetch(http, Events(1000, terms), sink).RunAsync("touches", Ct);

        var expected = Expected(host, 100).Where(x => x.Event.Type is "note" or "campaign_touch" && x.Event.Timestamp.ToUnixTimeMilliseconds() >= cutoff).ToList();
        expected.Count.ShouldBeGreaterThan(0);
        sink.RawAccounts.Count.ShouldBe(expected.Count);
    }

    [Fact]
    public async Task Fetch_EventsFault_IsRetried_OnThePageItNames()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 60);
        host.Options.Faults.Add(new EmulatorFault { Page = 2, StatusCode = 503, Times = 2 });
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();

        var summary = await new SearchFetch(http, Events(50), sink).RunAsync("touches", Ct);

        http.Retries.ShouldBe(2);
        sink.RawAccounts.Count.ShouldBe(Expected(host, 60).Count);
        host.Requests.ShouldBe(summary.Pages + 2);
    }

    [Fact]
    public async Task Fetch_MoreEventsThanTheCap_Exits5WithTheCountAndHowToNarrow_WithoutAskingPastIt()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 3000);
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var total = Expected(host, 3000).Count;
        total.ShouldBeGreaterThan(SearchDefinition.RecordCap);

        var ex = await Should.ThrowAsync<DataIncompleteException>(() => new SearchFetch(http, Events(1000), new RecordingSink()).RunAsync("touches", Ct));

        ex.Message.ShouldContain($"{total:N0} events");
        ex.Message.ShouldContain("Narrow 'terms'");
        host.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_EventsStatusFailed_IsAnApiErrorWithTheApiMessage_WithoutTheToken()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 20, token: null);
        host.Options.Faults.Add(new EmulatorFault { StatusCode = 200, Body = $$"""{"status":"failed","_error":"bad events query for {{Sentinel}}"}""" });
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = Sentinel;
        using var http = new TotangoHttpSource(options, new VirtualTimeProvider());

        var failed = await Should.ThrowAsync<TotangoApiException>(() => new SearchFetch(http, Events(100), new RecordingSink()).RunAsync("touches", Ct));

        failed.Message.ShouldContain("bad events query for");
        failed.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task Emulator_RefusesEventFieldsAndPagesPastTheCap_AsStatusFailed()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 10);

        var withFields = host.Sample!.Search(SearchEntity.Events, """{"terms":[],"fields":[{"type":"string","term":"x"}],"offset":0,"count":10}""");
        var pastCap = host.Sample!.Search(SearchEntity.Events, """{"terms":[],"fields":[],"offset":10,"count":1000}""");

        SearchPage.Failure(withFields).ShouldNotBeNull().ShouldContain("fields must be []");
        SearchPage.Failure(pastCap).ShouldNotBeNull().ShouldContain("10000");
    }

    [Theory]
    [InlineData("fields: [ { name: X, type: string, term: health } ]", "'fields' does not apply to entity: events")]
    [InlineData("split_by: X", "'split_by' does not apply to entity: events")]
    [InlineData("sort_by: date", "'sort_by' does not apply to entity: events")]
    public void Definition_EventsTakeNoFieldsSortOrSplit(string key, string expected)
    {
        var text = $$"""
            title: T
            datasets:
              touches:
                source: search
                entity: events
                terms: []
                {{key}}
                columns:
                  - { name: Event, path: event_id }
            outputs:
              - { format: csv, file: e.csv }
            """;

        var result = DefinitionLoader.Parse(text, "e.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Location.Line == 7, string.Join("\n", result.Diagnostics));
    }
}
