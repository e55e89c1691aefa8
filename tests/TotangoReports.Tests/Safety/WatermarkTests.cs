using System.Text.Json;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;
using TotangoReports.Tests.Store;

namespace TotangoReports.Tests.Safety;

/// <summary>
/// Issue 14 item 1: only a run that did the definition's whole job (live data, every output, the mail sent) moves
/// the <c>since: last-run</c> watermark; any other run leaves it and says so on stderr and in run.json.
/// </summary>
public sealed class WatermarkTests
{
    private const string Token = "watermark-token";

    // A watermark long before the run: any run that moved it would write a different lastRun.
    private const string OldState = """{ "datasets": { "inactive": { "lastRun": 1762000000, "lastRunIso": "2025-11-01T12:26:40.0000000+00:00" } } }""";

    private const string Delivery = """

        delivery:
          email:
            to: [ops@example.com]
            subject: "Newly inactive"
            attach: [csv]
        """;

    public static TheoryData<string[]> PartialRuns() => new(
        ["--sample"],
        ["--format", "csv"],
        ["--no-email"],
        ["--snapshot", "snap"],
        ["--as-of", "2026-11-30T00:00:00Z"]);

    [Theory]
    [MemberData(nameof(PartialRuns))]
    public async Task DeltaRun_ThatDidNotDoTheWholeJob_LeavesTheWatermark_AndSaysSoOnStderrAndInRunJson(string[] options)
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 200, Token = Token }, TestContext.Current.CancellationToken);
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = Arrange(emulator, smtp);
        var definition = cli.PathOf("inactive-accounts-delta.yaml");
        if (options.Contains("--snapshot"))
        {
            var fetched = await cli.RunAsync("fetch", definition, "--save", "snap", "--quiet");
            fetched.ExitCode.ShouldBe(0, fetched.ToString());
        }

        // Act
        var result = await cli.RunAsync(["run", definition, .. options]);

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        if (options.Contains("--sample"))
        {
            // A sample run never touches the store: the old state file is not even migrated.
            File.ReadAllText(cli.PathOf(".totango-reports-state.json")).ShouldBe(OldState);
            File.Exists(cli.PathOf(".totango-reports.db")).ShouldBeFalse();
        }
        else
        {
            (await StoreProbe.LastRunAsync(cli.PathOf(".totango-reports.db"), "inactive-accounts-delta", "inactive")).ShouldBe(1762000000);
        }

        result.Error.ShouldContain("watermark was left where it was");
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        var watermark = manifest.RootElement.GetProperty("watermark");
        watermark.GetProperty("moved").GetBoolean().ShouldBeFalse();
        watermark.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        manifest.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(w => w!.Contains("watermark was left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeltaRun_LiveWithEveryOutputAndTheMail_MovesTheWatermark_AndRunJsonSaysSo()
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 200, Token = Token }, TestContext.Current.CancellationToken);
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = Arrange(emulator, smtp);

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        smtp.Accepted.Count.ShouldBe(1);
        (await StoreProbe.LastRunAsync(cli.PathOf(".totango-reports.db"), "inactive-accounts-delta", "inactive")).ShouldNotBeNull().ShouldBeGreaterThan(1762000000);
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        manifest.RootElement.GetProperty("watermark").GetProperty("moved").GetBoolean().ShouldBeTrue();
        manifest.RootElement.GetProperty("email").GetProperty("status").GetString().ShouldBe("sent");
        result.Error.ShouldNotContain("watermark was left");
    }

    private static CliHarness Arrange(EmulatorHost emulator, LoopbackSmtpServer smtp)
    {
        var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        var definition = cli.CopySampleConfig("inactive-accounts-delta.yaml");
        File.AppendAllText(definition, Delivery);
        File.WriteAllText(cli.PathOf(".totango-reports-state.json"), OldState);
        return cli;
    }
}
