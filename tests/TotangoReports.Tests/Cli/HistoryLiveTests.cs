using System.Globalization;
using System.Net;
using System.Text.Json;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Cli;

/// <summary>
/// Issue #16's done criterion: a weekly report run twice <c>--as-of</c> a week apart against the emulator (live, the
/// SQLite store beside the definition) shows the right <c>change</c>/<c>previous</c> values, checked against the
/// emulator's raw pages for both instants.
/// </summary>
public sealed class HistoryLiveTests
{
    private const string Token = "history-live-token";
    private static readonly DateTimeOffset Now = SampleData.Epoch.AddHours(6);
    private static readonly DateTimeOffset WeekAgo = Now.AddDays(-7);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WeeklyReport_RunTwiceAWeekApart_ShowsTheChangesOfTheRawPages()
    {
        // Arrange: the emulator as of each instant; one definition, its store beside it.
        var ct = TestContext.Current.CancellationToken;
        await using var before = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = 700, Seed = 3, Token = Token, AsOf = WeekAgo }, ct);
        await using var after = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = 700, Seed = 3, Token = Token, AsOf = Now }, ct);
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        File.WriteAllText(cli.PathOf("weekly.yaml"), """
            title: Weekly
            history: { keep: 104w }
            datasets:
              accounts:
                list: 1
                return: [stats]
                columns:
                  - { name: Account ID, path: account_id }
                  - { name: Score, path: engagement.score.current, type: number }
                  - { name: Health, path: engagement.health.current }
                  - { name: Score change 7d, change: Score, over: 7d }
                  - { name: Health 7d ago, previous: Health, over: 7d }
            outputs:
              - { format: csv, file: weekly.csv }
            """);

        // Act
        cli.Variables["TOTANGO_BASE_URL"] = before.BaseUrl.ToString();
        var first = await cli.RunAsync("run", "weekly.yaml", "--as-of", WeekAgo.ToString("O", CultureInfo.InvariantCulture), "--out", "first");
        cli.Variables["TOTANGO_BASE_URL"] = after.BaseUrl.ToString();
        var second = await cli.RunAsync("run", "weekly.yaml", "--as-of", Now.ToString("O", CultureInfo.InvariantCulture), "--out", "second");

        // Assert: every row against the two raw pages, read here without the report.
        first.ExitCode.ShouldBe(0, first.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        File.Exists(cli.PathOf(".totango-reports.db")).ShouldBeTrue();
        var then = await RawAsync(before, ct);
        var now = await RawAsync(after, ct);
        var lines = File.ReadAllLines(cli.PathOf("second", "weekly.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        lines.Count.ShouldBe(now.Count);
        var compared = 0;
        foreach (var cells in lines)
        {
            var id = cells[0];
            var (score, health) = now[id];
            cells[1].ShouldBe(score.ToString(CultureInfo.InvariantCulture));
            if (then.TryGetValue(id, out var past))
            {
                cells[3].ShouldBe((score - past.Score).ToString(CultureInfo.InvariantCulture), id);
                cells[4].ShouldBe(past.Health, id);
                compared += score != past.Score ? 1 : 0;
            }
            else
            {
                cells[3].ShouldBeEmpty(id);
                cells[4].ShouldBeEmpty(id);
            }
        }

        compared.ShouldBeGreaterThan(lines.Count / 2, "most scores moved within the week");
        then.Keys.Except(now.Keys).Concat(now.Keys.Except(then.Keys)).ShouldNotBeEmpty("some accounts entered or left");
    }

    private static async Task<Dictionary<string, (double Score, string Health)>> RawAsync(EmulatorHost host, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/accounts/active_list/1/current.json?return=stats&length=1000");
        request.Headers.TryAddWithoutValidation("Authorization", Token);
        using var response = await http.SendAsync(request, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("accounts").EnumerateArray().ToDictionary(
            a => a.GetProperty("account_id").GetString()!,
            a => (a.GetProperty("engagement").GetProperty("score").GetProperty("current").GetDouble(), a.GetProperty("engagement").GetProperty("health").GetProperty("current").GetString()!));
    }
}
