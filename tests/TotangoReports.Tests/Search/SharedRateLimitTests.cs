using TotangoReports.Emulator;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary>The 100 calls/minute are per token across every Totango API: one pace for List and Search requests.</summary>
public sealed class SharedRateLimitTests
{
    private const string Mixed = """
        title: Mixed
        timezone: UTC
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account ID, path: account_id }
          paying:
            source: search
            terms: [ { type: string, term: status_group, in_list: [paying] } ]
            count: 10
            columns:
              - { name: Account ID, path: account_id }
          everyone:
            source: search
            terms: []
            count: 10
            columns:
              - { name: Account ID, path: account_id }
          people:
            source: search
            entity: users
            terms: []
            count: 200
            columns:
              - { name: User, path: user_id }
          touches:
            source: search
            entity: events
            terms: []
            count: 200
            columns:
              - { name: Event, path: event_id }
        outputs:
          - { format: csv, file: a.csv, dataset: accounts }
        """;

    [Fact]
    public async Task Run_MixingListAndSearchDatasets_NeverExceeds100RequestsInAny60Seconds()
    {
        // Arrange: pages of 10 over 700 accounts make ~180 requests across three datasets, and the users and events
        // searches ~40 more; the emulator enforces
        // the limit itself too, so one request over it would be a 429 (and a retry) rather than pass unseen.
        var time = new VirtualTimeProvider();
        await using var host = await EmulatorHost.StartAsync(
            new EmulatorOptions { Accounts = 700, Seed = 7, Token = EmulatorTestKit.Token, TimeProvider = time, RateLimitRequests = 100 },
            TestContext.Current.CancellationToken);
        var totango = EmulatorTestKit.Options(host, pageSize: 10);
        totango.RequestsPerMinute = 100;
        var engine = new ReportEngine(new ReportEngineOptions { Totango = totango, Time = time });

        // Act
        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(Mixed), ReportSource.Live, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        report.Datasets.Take(3).Select(d => d.Rows.Count).ShouldBe([700, report.Datasets[1].Rows.Count, 700]);
        report.Datasets[3].Rows.Count.ShouldBeGreaterThan(700);
        report.Datasets[4].Rows.Count.ShouldBeGreaterThan(700);
        var log = host.RequestLog;
        log.Count.ShouldBeGreaterThan(150);
        log.ShouldContain(r => r.Path == "/api/v1/search/accounts");
        log.ShouldContain(r => r.Path == "/api/v1/search/users");
        log.ShouldContain(r => r.Path == "/api/v2/events/search");
        log.ShouldContain(r => r.Path.StartsWith("/api/v1/accounts/", StringComparison.Ordinal));
        var busiest = log.Max(r => log.Count(o => o.At >= r.At && o.At < r.At + TimeSpan.FromSeconds(60)));
        busiest.ShouldBeLessThanOrEqualTo(100);
        host.Throttled.ShouldBe(0);
    }
}
