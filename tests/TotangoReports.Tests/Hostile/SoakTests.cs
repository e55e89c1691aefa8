using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// A long list through a flaky server: 1% random 500s and 0.5% 429s, and still a complete, correct report with the
/// retries in the manifest. 10,000 accounts by default; SOAK=1 runs 100,000 and reports the peak memory.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SoakTests
{
    [Fact]
    public async Task Run_ThroughRandomServerErrorsAndThrottling_WritesEveryAccountOnce_AndCountsRetries()
    {
        // Arrange
        var soak = HostileCorpus.Long("SOAK");
        var accounts = soak ? 100_000 : 10_000;
        var pageSize = soak ? 100 : 25;
        await using var emulator = await EmulatorHost.StartAsync(
            new EmulatorOptions { Port = 0, Accounts = accounts, Token = "soak-token", RandomSeed = 7 },
            TestContext.Current.CancellationToken);
        emulator.Options.RandomServerErrorRate = 0.01;
        emulator.Options.RandomThrottleRate = 0.005;
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = "soak-token";
        cli.Variables["Totango__PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Totango__RequestsPerMinute"] = "1000000";
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";

        // Retry-After: 1 from the emulator, honoured but capped small.
        cli.Variables["Totango__MaxRetryDelaySeconds"] = "0.05";
        cli.Variables["Totango__MaxRetries"] = "8";
        var definition = cli.PathOf("soak.yaml");
        await File.WriteAllTextAsync(definition, HostileCorpus.AccountsCsvDefinition, TestContext.Current.CancellationToken);
        using var sampler = new PeakHeapSampler();
        var clock = Stopwatch.StartNew();

        // Act
        var result = await cli.RunAsync("run", definition, "--out", "out", "--quiet", "--no-email");

        // Assert
        clock.Stop();
        result.ExitCode.ShouldBe(0, result.ToString());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var line in File.ReadLines(cli.PathOf("out", "accounts.csv")).Skip(1))
        {
            rows++;
            ids.Add(line.Split(',')[0]);
        }

        rows.ShouldBe(accounts);
        ids.Count.ShouldBe(accounts);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken));
        var dataset = manifest.RootElement.GetProperty("datasets").GetProperty("accounts");
        dataset.GetProperty("rows").GetInt32().ShouldBe(accounts);
        dataset.GetProperty("totalItems").GetInt32().ShouldBe(accounts);
        dataset.GetProperty("complete").GetBoolean().ShouldBeTrue();
        dataset.GetProperty("retries").GetInt32().ShouldBeGreaterThan(0);
        var line1 = string.Create(
            CultureInfo.InvariantCulture,
            $"soak {accounts} accounts, page {pageSize}: {clock.Elapsed.TotalSeconds:0.0} s, {dataset.GetProperty("requests").GetInt32()} requests, {dataset.GetProperty("retries").GetInt32()} retries, peak GC heap {sampler.PeakBytes / (1 << 20)} MB, peak working set (test host) {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB");
        TestContext.Current.SendDiagnosticMessage(line1);
        if (Environment.GetEnvironmentVariable("HOSTILE_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, line1 + "\n", TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Samples the managed heap every 20 ms: the peak a run reached, without timing anything.</summary>
    private sealed class PeakHeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakHeapSampler()
        {
            _timer = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false))), null, 0, 20);
        }

        public long PeakBytes => Interlocked.Read(ref _peak);

        public void Dispose() => _timer.Dispose();
    }
}
