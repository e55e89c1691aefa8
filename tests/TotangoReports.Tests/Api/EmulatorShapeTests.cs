using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Api;

/// <summary>The emulator serves what the vendor page documents and nothing else unless a flag asks, read over raw HTTP.</summary>
public sealed class EmulatorShapeTests
{
    private static readonly string[] PageWindows = ["realtime_today", "past_1d", "past_3d", "past_14d", "past_30d", "past_90d"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonDocument Body)> GetAsync(EmulatorHost host, string query)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/accounts/active_list/1/current.json?length=3&" + query);
        request.Headers.TryAddWithoutValidation("Authorization", EmulatorTestKit.Token);
        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task Default_ServesExactlyThePagesShapeAndWindows()
    {
        await using var host = await EmulatorTestKit.StartAsync();

        var (status, body) = await GetAsync(host, "return=stats");

        using (body)
        {
            status.ShouldBe(HttpStatusCode.OK);
            foreach (var account in body.RootElement.GetProperty("accounts").EnumerateArray())
            {
                account.TryGetProperty("frequency", out _).ShouldBeFalse();
                var stats = account.GetProperty("stats");
                stats.EnumerateObject().Select(p => p.Name).ShouldBe(["users", "activities", "last_activity", "first_activity"]);
                stats.GetProperty("users").EnumerateObject().Select(p => p.Name).ShouldBe(PageWindows);
                var activities = stats.GetProperty("activities");
                activities.EnumerateObject().Select(p => p.Name).ShouldBe(PageWindows);
                activities.GetProperty("past_30d").EnumerateObject().Select(p => p.Name).ShouldBe(["all", "actions", "modules"]);
            }
        }
    }

    [Fact]
    public async Task ScriptsFlags_ServeTheListUnderStatsActivities_Past7d_AndTopLevelFrequency()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.Shape = new SampleShape { Activities = ActivityShape.Scripts, ExtraWindows = true, Frequency = true });

        var (status, body) = await GetAsync(host, "return=stats");

        using (body)
        {
            status.ShouldBe(HttpStatusCode.OK);
            var account = body.RootElement.GetProperty("accounts")[0];
            var expected = SampleData.Generate(1, 7)[0];
            account.GetProperty("frequency").GetProperty("current").GetDouble().ShouldBe(expected.Stats["past_30d"].VisitFrequency);
            var window = account.GetProperty("stats").GetProperty("activities").GetProperty("past_7d");
            window.TryGetProperty("actions", out _).ShouldBeFalse();
            window.GetProperty("activities").EnumerateArray()
                .ToDictionary(e => e.GetProperty("name").GetString()!, e => int.Parse(e.GetProperty("current").ToString(), System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(expected.Stats["past_7d"].Actions.ToDictionary());
        }
    }

    [Theory]
    [InlineData("return=all")]
    [InlineData("return=summary")]
    [InlineData("return=everything")]
    public async Task UndocumentedReturn_GetsThePages400WithAMessage(string query)
    {
        await using var host = await EmulatorTestKit.StartAsync();

        var (status, body) = await GetAsync(host, query);

        using (body)
        {
            status.ShouldBe(HttpStatusCode.BadRequest);
            body.RootElement.GetProperty("_error").GetString().ShouldStartWith("Invalid return '" + query[7..] + "': use stats, users or lifecycle");
        }
    }

    [Fact]
    public async Task ReturnAll_WhenAsked_ServesStatsUsersAndLifecycleInOneRecord()
    {
        await using var host = await EmulatorTestKit.StartAsync(o => o.AcceptScriptReturns = true);

        var (status, body) = await GetAsync(host, "return=all");

        using (body)
        {
            status.ShouldBe(HttpStatusCode.OK);
            var account = body.RootElement.GetProperty("accounts")[0];
            account.GetProperty("stats").GetProperty("activities").ValueKind.ShouldBe(JsonValueKind.Object);
            account.GetProperty("users").ValueKind.ShouldBe(JsonValueKind.Array);
            account.GetProperty("lifecycle").GetProperty("history").ValueKind.ShouldBe(JsonValueKind.Array);
        }
    }

    [Fact]
    public async Task TakenPort_IsAConfigurationError_NamingThePort()
    {
        await using var first = await EmulatorTestKit.StartAsync();
        var port = first.BaseUrl.Port;

        var error = await Should.ThrowAsync<TotangoConfigurationException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = port }, Ct));

        error.Message.ShouldStartWith($"port {port} on 127.0.0.1 is in use");
        error.ExitCode.ShouldBe(2);
    }
}
