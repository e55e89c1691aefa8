using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Search;

/// <summary>The CLI on a search definition against the emulator: exit codes of PRODUCT.md §2, and the token never shown.</summary>
[Trait("Category", "Slow")]
public sealed class SearchCliTests
{
    private const string Sentinel = "SENTINEL-app-token-9d1f";

    private static void PointAt(CliHarness cli, EmulatorHost emulator, string token = Sentinel)
    {
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = token;
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        cli.Variables["Totango__MaxRetries"] = "1";
    }

    [Fact]
    public async Task Run_RenewalsByOwner_Exits0_3_4_5_AsTheSearchApiAnswers_AndNeverPrintsTheToken()
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = 600, Token = Sentinel }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("renewals-by-owner.yaml");
        var produced = new List<string>();

        // Act + Assert: a good run, then the token refused, status: failed with 200, and a tenant over the cap.
        PointAt(cli, emulator);
        var ok = await cli.RunAsync("run", definition, "--verbose", "--no-email");
        ok.ExitCode.ShouldBe(0, ok.ToString());
        File.ReadAllLines(cli.PathOf("out", "renewals-by-owner.csv")).Length.ShouldBeGreaterThan(100);

        PointAt(cli, emulator, "wrong-" + Sentinel);
        var refused = await cli.RunAsync("run", definition, "--verbose", "--no-email");
        refused.ExitCode.ShouldBe(3, refused.ToString());

        PointAt(cli, emulator);
        emulator.Options.Faults.Add(new EmulatorFault { StatusCode = 200, Body = $$"""{"status":"failed","_error":"Invalid term for {{Sentinel}}"}""" });
        var failed = await cli.RunAsync("run", definition, "--verbose", "--no-email");
        failed.ExitCode.ShouldBe(4, failed.ToString());
        failed.Error.ShouldContain("Invalid term for");

        await using var big = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = 25_000, Token = Sentinel }, TestContext.Current.CancellationToken);
        PointAt(cli, big);
        var capped = await cli.RunAsync("run", definition, "--verbose", "--no-email");
        capped.ExitCode.ShouldBe(5, capped.ToString());
        capped.Error.ShouldContain("Narrow 'terms'");

        produced.AddRange([ok.Out, ok.Error, refused.Out, refused.Error, failed.Out, failed.Error, capped.Out, capped.Error]);
        produced.AddRange(Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        produced.ShouldAllBe(text => !text.Contains(Sentinel, StringComparison.Ordinal));
    }
}
