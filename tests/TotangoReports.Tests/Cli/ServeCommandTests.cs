using System.Globalization;
using TotangoReports.Cli;
using TotangoReports.Emulator;

namespace TotangoReports.Tests.Cli;

public sealed class ServeCommandTests
{
    private const string Token = "serve-secret-token-4242";

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    public async Task Serve_NonLoopbackHost_ExitsTwo_SayingLoopbackOnly(string host)
    {
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var result = await cli.RunAsync("serve", definition, "--host", host, "--port", "0");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("loopback only");
    }

    [Fact]
    public async Task Serve_CallsTheApiOnlyWithLive_AndTheTokenNeverReachesThePage()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 40, Token = Token }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var offline = await ServeAndReadAsync(cli, [definition]);
        var requestsOffline = emulator.Requests;
        var live = await ServeAndReadAsync(cli, [definition, "--live"]);

        requestsOffline.ShouldBe(0);
        offline.ShouldContain("data-state=\"ok\"");
        emulator.Requests.ShouldBeGreaterThan(0);
        live.ShouldContain("data-state=\"ok\"");
        live.ShouldContain("activity rows");
        (offline + live).ShouldNotContain(Token);
    }

    /// <summary>Runs <c>serve</c> in-process until its page and content are read, then stops it as Ctrl+C would.</summary>
    private static async Task<string> ServeAndReadAsync(CliHarness cli, string[] args)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var synchronized = TextWriter.Synchronized(stdout);
        var environment = new CliEnvironment
        {
            Out = synchronized,
            Error = TextWriter.Null,
            Variables = cli.Variables,
            WorkingDirectory = cli.WorkingDirectory,
            Lifetime = stop.Token,
        };
        var serving = Task.Run(() => CliApp.RunAsync(["serve", .. args, "--port", "0"], environment, stop.Token), TestContext.Current.CancellationToken);
        string? url = null;
        for (var i = 0; i < 600 && url is null && !serving.IsCompleted; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            lock (synchronized)
            {
                url = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            }
        }

        url.ShouldNotBeNull("serve printed no URL");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var content = await http.GetStringAsync(new Uri("/content", UriKind.Relative), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        (await serving).ShouldBe(0);
        return page + content;
    }
}
