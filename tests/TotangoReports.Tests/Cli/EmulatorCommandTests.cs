using System.Text.Json;
using TotangoReports.Cli;

namespace TotangoReports.Tests.Cli;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_FromTheCommandLine_ServesAPagingFaultyApi_ThatARunReadsWhole()
    {
        using var cli = new CliHarness();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var synchronized = TextWriter.Synchronized(stdout);
        var environment = new CliEnvironment
        {
            Out = synchronized,
            Error = TextWriter.Null,
            Variables = new Dictionary<string, string?>(),
            WorkingDirectory = cli.WorkingDirectory,
            Lifetime = stop.Token,
        };
        string[] args = ["emulator", "--port", "0", "--accounts", "300", "--token", "emu-token-123456", "--offset-mode", "item", "--page-cap", "40", "--error-rate", "0.05"];
        var emulator = Task.Run(() => CliApp.RunAsync(args, environment, stop.Token), TestContext.Current.CancellationToken);

        string? url = null;
        for (var i = 0; i < 200 && url is null; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            lock (synchronized)
            {
                url = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            }
        }

        url.ShouldNotBeNull("the emulator printed no URL");
        cli.Variables["TOTANGO_BASE_URL"] = url;
        cli.Variables["TOTANGO_API_TOKEN"] = "emu-token-123456";
        cli.Variables["Totango__PageSize"] = "100";
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var result = await cli.RunAsync("run", definition, "--format", "csv", "--quiet");
        await stop.CancelAsync();
        var emulatorExit = await emulator;

        result.ExitCode.ShouldBe(0, result.ToString());
        emulatorExit.ShouldBe(0);
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        var activity = manifest.RootElement.GetProperty("datasets").GetProperty("activity");
        activity.GetProperty("rows").GetInt32().ShouldBe(300);
        activity.GetProperty("complete").GetBoolean().ShouldBeTrue();

        // 40 accounts a page, whatever was asked: the run paged by what the server answered.
        activity.GetProperty("pages").GetInt32().ShouldBeGreaterThanOrEqualTo(8);
    }
}
