using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Emulator;
using TotangoReports.Emulator.Internal;
using TotangoReports.Fixtures;
using TotangoReports.Runs;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Api;

/// <summary>
/// An emulator that moves with time (PRODUCT.md §8): <c>--as-of</c> and the per-request <c>X-Emulator-As-Of</c> /
/// <c>as_of</c> serve the same accounts drifted deterministically; without them the bytes are the default sample's.
/// </summary>
public sealed class EmulatorAsOfTests
{
    private static readonly DateTimeOffset Week0 = SampleData.Epoch;
    private static readonly DateTimeOffset WeekBefore = SampleData.Epoch.AddDays(-7);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EmulatorHost> StartAsync(DateTimeOffset? asOf = null, int accounts = 120) =>
        EmulatorHost.StartAsync(new EmulatorOptions { Accounts = accounts, Seed = 7, Token = EmulatorTestKit.Token, AsOf = asOf }, Ct);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(EmulatorHost host, string query = "", string? header = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/accounts/active_list/1/current.json?return=stats&length=1000" + query);
        request.Headers.TryAddWithoutValidation("Authorization", EmulatorTestKit.Token);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(EmulatorRequestHandler.AsOfHeader, header);
        }

        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AsOf_PerRequestHeaderOrQuery_ServesDriftedAccounts_AndWithoutItTheDefaultBytes()
    {
        // Arrange
        await using var host = await StartAsync();

        // Act
        var plain = await GetAsync(host);
        var header = await GetAsync(host, header: WeekBefore.ToString("O", CultureInfo.InvariantCulture));
        var query = await GetAsync(host, "&as_of=" + Uri.EscapeDataString(WeekBefore.ToString("O", CultureInfo.InvariantCulture)));
        var again = await GetAsync(host, header: WeekBefore.ToString("O", CultureInfo.InvariantCulture));

        // Assert: the default is the sample source's own page; the past differs from it and is the same each time.
        plain.Status.ShouldBe(HttpStatusCode.OK);
        var expected = new SampleActiveListSource(new SampleSourceOptions { Accounts = 120, Seed = 7 })
            .RenderPage(new ActiveListQuery("1", TotangoReports.Definition.ListEndpoint.Current, TotangoReports.Definition.ReturnType.Stats), 0, 1000, OffsetMode.Page, 1000, SampleShape.Page);
        plain.Body.ShouldBe(System.Text.Encoding.UTF8.GetString(expected));
        header.Status.ShouldBe(HttpStatusCode.OK);
        header.Body.ShouldNotBe(plain.Body);
        query.Body.ShouldBe(header.Body);
        again.Body.ShouldBe(header.Body);
    }

    [Fact]
    public async Task AsOf_NotAnInstant_Is400NamingIt()
    {
        await using var host = await StartAsync();

        var (status, body) = await GetAsync(host, "&as_of=last-week");

        status.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(body).RootElement.GetProperty("_error").GetString().ShouldBe("as_of 'last-week' is not an ISO 8601 instant (e.g. 2026-11-23T00:00:00Z)");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WeeklyReport_TwoRunsAWeekApart_ShowsTheChangesOfTheRawPages()
    {
        // Arrange: the emulator as it was a week ago and as it is now; the first run's recorded rows are the history.
        await using var before = await StartAsync(WeekBefore, accounts: 700);
        await using var now = await StartAsync(Week0, accounts: 700);
        var definition = ReportEngine.ParseDefinition("""
            title: Weekly
            history: {}
            datasets:
              accounts:
                list: 1
                columns:
                  - { name: Account ID, path: account_id }
                  - { name: Score, path: engagement.score.current, type: number }
                  - { name: Health, path: engagement.health.current }
                  - { name: Score change 7d, change: Score, over: 7d }
                  - { name: Health 7d ago, previous: Health, over: 7d }
            outputs:
              - { format: csv, file: a.csv }
            """, "weekly.yaml");
        var history = new InMemoryHistoryReader();

        // Act
        var first = await BuildLiveAsync(before, definition, WeekBefore, history);
        history.Add(new HistorySnapshot("accounts", WeekBefore, first.RecordedColumns!, first.RecordedRows!));
        var second = await BuildLiveAsync(now, definition, Week0, history);

        // Assert: against the raw pages of both instants, read here without the report.
        var scoresThen = RawAccounts(await GetAsync(before));
        var scoresNow = RawAccounts(await GetAsync(now));
        scoresThen.Keys.ShouldNotBe(scoresNow.Keys, "some accounts entered or left within the week");
        var changed = 0;
        foreach (var row in second.Rows)
        {
            var (scoreNow, healthNow) = scoresNow[row.AccountId];
            var change = row[second.ColumnIndex("Score change 7d")];
            var previous = row[second.ColumnIndex("Health 7d ago")];
            if (scoresThen.TryGetValue(row.AccountId, out var then))
            {
                change.ShouldBe(scoreNow - then.Score, row.AccountId);
                previous.ShouldBe(then.Health, row.AccountId);
                changed += scoreNow != then.Score ? 1 : 0;
            }
            else
            {
                change.ShouldBeNull(row.AccountId);
                previous.ShouldBeNull(row.AccountId);
            }

            row[second.ColumnIndex("Health")].ShouldBe(healthNow);
        }

        changed.ShouldBeGreaterThan(second.Rows.Count / 2);
    }

    private static Dictionary<string, (double Score, string Health)> RawAccounts((HttpStatusCode Status, string Body) page)
    {
        page.Status.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(page.Body);
        return json.RootElement.GetProperty("accounts").EnumerateArray().ToDictionary(
            a => a.GetProperty("account_id").GetString()!,
            a => (a.GetProperty("engagement").GetProperty("score").GetProperty("current").GetDouble(), a.GetProperty("engagement").GetProperty("health").GetProperty("current").GetString()!));
    }

    /// <summary>A live run's Data stage, with the history reader a store would give it.</summary>
    private static async Task<DatasetTable> BuildLiveAsync(EmulatorHost host, TotangoReports.Definition.ReportDefinition definition, DateTimeOffset asOf, IHistoryReader history)
    {
        var run = PrepareStage.Run(definition, new Dictionary<string, string>(), null, asOf);
        var options = EmulatorTestKit.Options(host);
        using var source = new TotangoHttpSource(options, TimeProvider.System, NullLogger.Instance);
        var fetched = await new FetchStage(options, NullLogger.Instance, null)
            .RunAsync(run, source, d => new DatasetBuilder(d, run.Context) { Records = true }, allowPartial: false, Ct);
        await BuildStage.LoadHistoryAsync(run, fetched.Datasets, history, Ct);
        return BuildStage.Run(run, fetched.Datasets, isSample: false).Report.Datasets[0];
    }

    [Fact]
    public void AsOf_SearchAnswersFromTheSameDriftedTenant_AsTheLists()
    {
        // Arrange: eight weeks back some accounts had not joined yet and some since gone were there.
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = 120, Seed = 7, DriftWeeks = -8 });
        var listPage = source.RenderPage(new ActiveListQuery("1", TotangoReports.Definition.ListEndpoint.Current, TotangoReports.Definition.ReturnType.Stats), 0, 1000, OffsetMode.Page, 1000, SampleShape.Page);
        using var list = JsonDocument.Parse(listPage);
        var listed = list.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account_id").GetString()!).ToHashSet();

        // Act
        using var search = JsonDocument.Parse(source.Search(TotangoReports.Definition.SearchEntity.Accounts, """{"terms":[],"fields":[],"offset":0,"count":1000}"""));
        var found = search.RootElement.GetProperty("response").GetProperty("accounts").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("name").GetString()!).ToHashSet();

        // Assert: every account the list serves then is one the search finds then, and the search finds no one who was not there.
        var present = Enumerable.Range(0, TotangoReports.Sample.Internal.SampleDrift.IndexLimit(120, -8))
            .Where(i => TotangoReports.Sample.Internal.SampleDrift.Present(7, i, 120, -8))
            .Select(i => source.Account(i).AccountId)
            .ToHashSet();
        listed.ShouldBeSubsetOf(found);
        found.SetEquals(present).ShouldBeTrue($"{found.Except(present).Count()} found who were not there, {present.Except(found).Count()} there and not found");
    }
}
