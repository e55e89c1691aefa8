using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Api;

/// <summary>The real client over real loopback HTTP against the emulator, one fault at a time.</summary>
public sealed class ActiveListFetcherTests
{
    private static readonly ActiveListQuery AllStats = new("1", ListEndpoint.Current, ReturnType.Stats);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> ExpectedIds(int accounts = 700) =>
        [.. SampleData.Generate(accounts, 7).Select(a => a.AccountId)];

    private static (ActiveListFetcher Fetcher, TotangoHttpSource Source, VirtualTimeProvider Time) Client(EmulatorHost host, TotangoOptions options)
    {
        var time = new VirtualTimeProvider();
        var source = new TotangoHttpSource(options, time);
        return (new ActiveListFetcher(source, options), source, time);
    }

    [Fact]
    public async Task Fetch_WholeList_DeliversEveryAccountOnceInListOrder()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        sink.Returns.ShouldAllBe(r => r == ReturnType.Stats);
        summary.TotalItems.ShouldBe(700);
        summary.Pages.ShouldBe(7);
        summary.Requests.ShouldBe(7);
        summary.Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Fetch_ServerCapsPageSize_PagesByWhatItAnswered()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.PageSizeCap = 40);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, pageSize: 1000));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Pages.ShouldBe(18); // ceil(700 / 40)
    }

    [Theory]
    [InlineData(OffsetMode.Page, 7)]
    [InlineData(OffsetMode.Item, 8)]
    public async Task Fetch_AutoMode_TellsPageFromItemOffsets(OffsetMode serverMode, int expectedRequests)
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.OffsetMode = serverMode);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Auto));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Complete.ShouldBeTrue();
        host.Requests.ShouldBe(expectedRequests);
    }

    [Fact]
    public async Task Fetch_AutoModeOnCappedItemServer_PagesByTheCap()
    {
        await using var host = await EmulatorTestKit.StartAsync(o =>
        {
            o.OffsetMode = OffsetMode.Item;
            o.PageSizeCap = 40;
        });
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, pageSize: 1000, mode: OffsetMode.Auto));
        using var _ = source;
        var sink = new RecordingSink();

        await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());

        // First page (0-39), the probe (1-40), then offsets 41, 81, ... 681: 17 more.
        host.Requests.ShouldBe(2 + 17);
    }

    [Fact]
    public async Task Fetch_ExplicitItemMode_ReadsItemIndexServer()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.OffsetMode = OffsetMode.Item);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Item));
        using var _ = source;
        var sink = new RecordingSink();

        await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        host.Requests.ShouldBe(7);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Fetch_Unauthorized_ThrowsAuthWithoutRetry(int status)
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.UnauthorizedStatusCode = status);
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = "wrong-token";
        var (fetcher, source, _) = Client(host, options);
        using var _ = source;

        var ex = await Should.ThrowAsync<TotangoAuthException>(() => fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        ex.StatusCode.ShouldBe(status);
        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(3);
        ex.Message.ShouldContain("TOTANGO_API_TOKEN");
        host.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_BadRequest_ShowsTheApiMessage()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var noSince = new ActiveListQuery("1", ListEndpoint.Recent, ReturnType.Summary);

        var ex = await Should.ThrowAsync<TotangoApiException>(() => fetcher.FetchAsync(noSince, new RecordingSink(), cancellationToken: Ct));

        ex.StatusCode.ShouldBe(400);
        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(4);
        ex.Message.ShouldContain("since is required");
        host.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_ErrorBodyWithStatus200_IsAnError()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 1, StatusCode = 200, Body = """{"_error":"list is being rebuilt"}""" }));
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Page));
        using var _ = source;

        var ex = await Should.ThrowAsync<TotangoApiException>(() => fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        ex.Message.ShouldContain("list is being rebuilt");
        ex.Message.ShouldContain("list 1");
    }

    [Fact]
    public async Task Fetch_RetriesServerErrors_ThenCompletes()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 2, StatusCode = 503, Times = 3 }));
        var (fetcher, source, time) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Retries.ShouldBe(3);
        summary.Requests.ShouldBe(10);
        time.Delays.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Fetch_ServerErrorsBeyondMaxRetries_FailsWithExitCode4()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 0, StatusCode = 500, Times = 100 }));
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, maxRetries: 2));
        using var _ = source;

        var ex = await Should.ThrowAsync<TotangoApiException>(() => fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        ex.StatusCode.ShouldBe(500);
        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(4);
        host.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task Fetch_RateLimited_HonoursRetryAfterSeconds()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 3, StatusCode = 429, RetryAfter = "7" }));
        var (fetcher, source, time) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Retries.ShouldBe(1);
        time.Delays.ShouldContain(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Fetch_DroppedConnection_IsRetried()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 1, Drop = true, Times = 2 }));
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task Fetch_TruncatedBody_FailsNamingListAndPage()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 2, Truncate = true }));
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Page));
        using var _ = source;

        var ex = await Should.ThrowAsync<TotangoApiException>(() => fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        ex.Message.ShouldContain("Malformed JSON");
        ex.Message.ShouldContain("list 1");
        ex.Message.ShouldContain("page 3");
    }

    [Fact]
    public async Task Fetch_ListChangesWhileRead_RereadsOnceAndDeduplicates()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.ListChanges = 1);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Page));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);

        sink.Ids.Count.ShouldBe(701);
        sink.Ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(701);
        sink.Ids.ShouldBeSubsetOf(ExpectedIds(701));
        summary.Complete.ShouldBeTrue();
        summary.TotalItems.ShouldBe(701);
        // First pass: 7 planned + 1 more once total_items grew to 701; second pass: 8.
        summary.Pages.ShouldBe(8 + 8);
    }

    [Fact]
    public async Task Fetch_ListKeepsChanging_ThrowsDataIncomplete()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.ListChanges = 5);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Page));
        using var _ = source;

        var ex = await Should.ThrowAsync<DataIncompleteException>(() => fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: Ct));

        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(5);
        ex.Summary.Complete.ShouldBeFalse();
        ex.Summary.Gaps.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Fetch_ListKeepsChangingWithAllowPartial_ReturnsIncompleteSummary()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.ListChanges = 5);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: OffsetMode.Page));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, allowPartial: true, cancellationToken: Ct);

        summary.Complete.ShouldBeFalse();
        summary.Gaps.Single().ShouldContain("total_items");
        sink.Ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(sink.Ids.Count);
    }

    [Theory]
    [InlineData(OffsetMode.Page)]
    [InlineData(OffsetMode.Auto)]
    public async Task Fetch_ServerIgnoresOffset_StopsInsteadOfLooping(OffsetMode clientMode)
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.IgnoreOffset = true);
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, mode: clientMode));
        using var _ = source;
        var sink = new RecordingSink();

        var summary = await fetcher.FetchAsync(AllStats, sink, allowPartial: true, cancellationToken: Ct);

        summary.Complete.ShouldBeFalse();
        summary.Gaps.ShouldContain(g => g.Contains("repeated", StringComparison.Ordinal) || g.Contains("offset ignored", StringComparison.Ordinal));
        sink.Ids.Count.ShouldBe(100);
        host.Requests.ShouldBeLessThanOrEqualTo(2 * (7 + 1));
    }

    [Fact]
    public async Task Fetch_AttemptTimesOut_IsRetriedThenCompletes()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 0, Hang = true }));
        var (fetcher, source, time) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();

        var fetch = fetcher.FetchAsync(AllStats, sink, cancellationToken: Ct);
        await host.HangReached.WaitAsync(Ct);
        time.FireLongTimers();
        var summary = await fetch;

        sink.Ids.ShouldBe(ExpectedIds());
        summary.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_Cancelled_StopsWithOperationCanceled()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Faults.Add(new EmulatorFault { Page = 0, Hang = true, Times = 100 }));
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var fetch = fetcher.FetchAsync(AllStats, new RecordingSink(), cancellationToken: cts.Token);
        await host.HangReached.WaitAsync(Ct);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public async Task Fetch_SeveralReturnTypes_OneQueryEachAndSummedSummary()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host, pageSize: 1000));
        using var _ = source;
        var sink = new RecordingSink();
        ActiveListQuery[] queries = [AllStats, AllStats with { Return = ReturnType.Users }];

        var summary = await fetcher.FetchAsync(queries, sink, cancellationToken: Ct);

        sink.Returns.Count(r => r == ReturnType.Stats).ShouldBe(700);
        sink.Returns.Count(r => r == ReturnType.Users).ShouldBe(700);
        summary.Requests.ShouldBe(2);
        summary.TotalItems.ShouldBe(700);
    }

    [Fact]
    public async Task Fetch_ReportsProgressUpToAllPages()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var reports = new List<FetchProgress>();

        await fetcher.FetchAsync(AllStats, new RecordingSink(), progress: new SynchronousProgress(reports), cancellationToken: Ct);

        reports.Count.ShouldBe(7);
        reports[^1].PagesDone.ShouldBe(7);
        reports[^1].PagesTotal.ShouldBe(7);
        reports[^1].Accounts.ShouldBe(700);
    }

    [Fact]
    public async Task Fetch_PaysAccountsOfList1004Only()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var (fetcher, source, _) = Client(host, EmulatorTestKit.Options(host));
        using var _ = source;
        var sink = new RecordingSink();
        var expected = SampleData.Generate(700, 7).Where(a => a.Status == "Paying").Select(a => a.AccountId).ToList();

        await fetcher.FetchAsync(new ActiveListQuery("1004", ListEndpoint.Current, ReturnType.Summary), sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(expected);
    }

    private sealed class SynchronousProgress(List<FetchProgress> reports) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => reports.Add(value);
    }
}
