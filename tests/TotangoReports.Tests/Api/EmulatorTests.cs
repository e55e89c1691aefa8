using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Api;

public sealed class EmulatorTests : IDisposable
{
    private static readonly ActiveListQuery AllStats = new("1", ListEndpoint.Current, ReturnType.Stats);
    private readonly string dir = Path.Combine(Path.GetTempPath(), "totango-emulator-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ClientRateLimit_WaitsOutTheWindowInsteadOfSendingMore()
    {
        var time = new VirtualTimeProvider();
        await using var host = await EmulatorTestKit.StartAsync();
        var options = EmulatorTestKit.Options(host, mode: OffsetMode.Page);
        options.RequestsPerMinute = 3;
        options.MaxConcurrency = 1; // one at a time, so the virtual clock moves deterministically
        using var source = new TotangoHttpSource(options, time);
        var sink = new RecordingSink();

        var summary = await new ActiveListFetcher(source, options).FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.Count.ShouldBe(700);
        summary.Requests.ShouldBe(7);

        // 7 requests at 3 per minute: 1-3 at once, 4-6 a minute later, 7 a minute after that.
        time.Delays.Count(d => d >= TimeSpan.FromSeconds(60)).ShouldBe(2);
    }

    [Fact]
    public async Task ServerRateLimit_AnswersTooManyRequestsWithRetryAfter()
    {
        await using var host = await EmulatorHost.StartAsync(
            new EmulatorOptions { Accounts = 700, Token = EmulatorTestKit.Token, RateLimitRequests = 2, RateLimitWindow = TimeSpan.FromHours(1) },
            Ct);
        var options = EmulatorTestKit.Options(host, mode: OffsetMode.Page, maxRetries: 0);
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => new ActiveListFetcher(source, options).FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        ex.StatusCode.ShouldBe(429);
        host.Throttled.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task RandomFaults_WithRetries_StillYieldTheWholeList()
    {
        await using var host = await EmulatorTestKit.StartAsync(o =>
        {
            o.RandomServerErrorRate = 0.2;
            o.RandomThrottleRate = 0.1;
        });
        var options = EmulatorTestKit.Options(host, pageSize: 50, maxRetries: 12);
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());
        var sink = new RecordingSink();

        var summary = await new ActiveListFetcher(source, options).FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(SampleData.Generate(700, 7).Select(a => a.AccountId));
        summary.Retries.ShouldBeGreaterThan(0);
        host.Requests.ShouldBe(summary.Requests);
    }

    [Fact]
    public async Task LegacyShape_ServesActivitiesAsNameCurrentArrays()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Shape = new SampleShape { Activities = ActivityShape.Legacy });
        var options = EmulatorTestKit.Options(host);
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var page = await source.GetPageAsync(AllStats, 0, 5, Ct);

        using var doc = JsonDocument.Parse(page);
        var stats = doc.RootElement.GetProperty("accounts")[0].GetProperty("stats");
        stats.GetProperty("past_30d").GetProperty("activities").ValueKind.ShouldBe(JsonValueKind.Array);
        stats.TryGetProperty("activities", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task SnapshotDirectory_IsServedLikeTheSampleItWasSavedFrom()
    {
        await SampleData.WriteSnapshotAsync(dir, 1200, 7, Ct);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { SnapshotDirectory = dir, Token = EmulatorTestKit.Token }, Ct);
        var options = EmulatorTestKit.Options(host, pageSize: 1000);
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());
        var sink = new RecordingSink();

        await new ActiveListFetcher(source, options).FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(SampleData.Generate(1200, 7).Select(a => a.AccountId));
    }

    [Fact]
    public void QueriesFor_Dataset_OneQueryPerReturnType()
    {
        var dataset = new DatasetDefinition { Name = "a", List = "1004", Endpoint = ListEndpoint.Recent };

        var queries = ActiveListFetcher.QueriesFor(dataset, [ReturnType.Stats, ReturnType.Users, ReturnType.Stats, ReturnType.Summary], 1_700_000_000);
        var summaryOnly = ActiveListFetcher.QueriesFor(dataset, [], 1_700_000_000);

        queries.Select(q => q.Return).ShouldBe([ReturnType.Stats, ReturnType.Users]);
        queries.ShouldAllBe(q => q.ListId == "1004" && q.Endpoint == ListEndpoint.Recent && q.SinceUnixSeconds == 1_700_000_000);
        summaryOnly.Single().Return.ShouldBe(ReturnType.Summary);
    }
}
