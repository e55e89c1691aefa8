using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Api;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "totango-snapshot-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task FetchToSnapshot_ThenReadBack_GivesIdenticalAccounts()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.PageSizeCap = 150);
        var options = EmulatorTestKit.Options(host, pageSize: 1000);
        using var live = new TotangoHttpSource(options, new VirtualTimeProvider());
        ActiveListQuery[] queries = [new("1", ListEndpoint.Current, ReturnType.Stats), new("1004", ListEndpoint.Current, ReturnType.Lifecycle)];
        var online = new RecordingSink();
        await using (var writer = new SnapshotWriter(_dir, live))
        {
            await new ActiveListFetcher(writer, options).FetchAsync(queries, online, cancellationToken: Ct);
        }

        var offline = new RecordingSink();
        var requestsBefore = host.Requests;
        await new ActiveListFetcher(new SnapshotSource(_dir), options).FetchAsync(queries, offline, cancellationToken: Ct);

        offline.RawAccounts.ShouldBe(online.RawAccounts);
        offline.Ids.Count.ShouldBe(700 + SampleData.Generate(700, 7).Count(a => a.Status == "Paying"));
        host.Requests.ShouldBe(requestsBefore);
    }

    [Fact]
    public async Task SampleSnapshot_ReadsBackAsTheGeneratedAccounts()
    {
        await SampleData.WriteSnapshotAsync(_dir, 1500, 3, Ct);
        var sink = new RecordingSink();

        var summary = await new ActiveListFetcher(new SnapshotSource(_dir)).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Stats), sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(SampleData.Generate(1500, 3).Select(a => a.AccountId));
        summary.Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task SampleSnapshot_RecentWithAnotherSince_StillServesTheSavedPages()
    {
        await SampleData.WriteSnapshotAsync(_dir, 300, 3, Ct);
        var sink = new RecordingSink();
        var expected = SampleData.Generate(300, 3)
            .Where(a => a.EnteredListAt >= DateTimeOffset.FromUnixTimeSeconds(SampleData.SnapshotSince))
            .Select(a => a.AccountId);

        await new ActiveListFetcher(new SnapshotSource(_dir)).FetchAsync(new ActiveListQuery("1", ListEndpoint.Recent, ReturnType.Summary, 1_700_000_000), sink, cancellationToken: Ct);

        sink.Ids.ShouldBe(expected);
    }

    [Fact]
    public async Task Snapshot_MissingPage_SaysHowToFixIt()
    {
        await SampleData.WriteSnapshotAsync(_dir, 50, 3, Ct);
        var source = new SnapshotSource(_dir);

        var ex = await Should.ThrowAsync<TotangoConfigurationException>(() => source.GetPageAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Stats), 0, 37, Ct));

        ex.Message.ShouldContain("no page for list 1");
        ex.Message.ShouldContain("--save");
    }

    [Fact]
    public void Snapshot_NotADirectoryWithIndex_IsAClearError()
    {
        Directory.CreateDirectory(_dir);

        var ex = Should.Throw<TotangoConfigurationException>(() => new SnapshotSource(_dir));

        ex.Message.ShouldContain("index.json");
    }
}
