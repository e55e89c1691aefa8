using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Emulator;

namespace TotangoReports.Bench;

/// <summary>
/// The fetch pipeline over real loopback HTTP against the emulator: concurrency vs the ideal, rate-limit pacing vs
/// its floor, and peak memory for a large list with stats.
/// </summary>
internal sealed class FetchBench : IBenchmark
{
    private const string Token = "bench-token";

    public string Name => "fetch";

    public string Description => "fetch pipeline: concurrency vs ideal, rate-limit pacing, peak working set";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = new List<string[]>();

        // Memory first: PeakWorkingSet64 is process-wide, so nothing else may have raised it yet.
        rows.Add(await PeakMemoryAsync(smoke ? 2_000 : 100_000, cancellationToken));

        var accounts = smoke ? 400 : 10_000;
        var latency = TimeSpan.FromMilliseconds(smoke ? 20 : 100);
        var sequential = await ConcurrencyAsync(accounts, latency, 1, null, cancellationToken);
        rows.Add(sequential.Row);
        foreach (var concurrency in new[] { 4, 8 })
        {
            var run = await ConcurrencyAsync(accounts, latency, concurrency, sequential.Wall, cancellationToken);
            rows.Add(run.Row);
        }

        rows.Add(await RateLimitAsync(accounts, smoke, cancellationToken));

        await output.WriteLineAsync("### fetch");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| scenario | pages | requests | wall | reference | ratio | target | result |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var row in rows)
        {
            if (smoke)
            {
                // Tiny sizes only prove the harness runs; their ratios mean nothing.
                row[^1] = "smoke: not judged";
            }

            await output.WriteLineAsync("| " + string.Join(" | ", row) + " |");
        }

        await output.WriteLineAsync();
        return 0;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static TotangoOptions Options(EmulatorHost host, int pageSize, int concurrency) => new()
    {
        BaseUrl = host.BaseUrl,
        ApiToken = Token,
        PageSize = pageSize,
        OffsetMode = OffsetMode.Auto,
        MaxConcurrency = concurrency,
        RequestsPerMinute = 1_000_000,
    };

    private static async Task<(TimeSpan Wall, string[] Row)> ConcurrencyAsync(int accounts, TimeSpan latency, int concurrency, TimeSpan? sequentialWall, CancellationToken ct)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = accounts, Token = Token, Latency = latency }, ct);
        var options = Options(host, 100, concurrency);
        using var source = new TotangoHttpSource(options);
        var sink = new ProjectionSink();
        await new ActiveListFetcher(source, options).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Summary), sink, cancellationToken: ct); // warm-up: JIT, connections
        host.Options.Latency = latency;
        var requestsBefore = host.Requests;
        var watch = Stopwatch.StartNew();
        var summary = await new ActiveListFetcher(source, options).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Stats), new ProjectionSink(), cancellationToken: ct);
        watch.Stop();
        var pages = summary.Pages;
        var ideal = latency * Math.Ceiling(pages / (double)concurrency);
        var ratio = watch.Elapsed / ideal;
        var name = concurrency == 1 ? "sequential (MaxConcurrency 1)" : $"MaxConcurrency {concurrency}";
        string target, result;
        if (sequentialWall is { } seq)
        {
            var speedup = seq / watch.Elapsed;
            target = concurrency == 4 ? "≤1.3× ideal, ≥3.5× faster than sequential" : "≤1.3× ideal";
            var ok = ratio <= 1.3 && (concurrency != 4 || speedup >= 3.5);
            result = (ok ? "PASS" : "FAIL") + $" (speed-up {Ratio(speedup)})";
        }
        else
        {
            target = "reference";
            result = "—";
        }

        return (watch.Elapsed, [
            $"{accounts:N0} accounts, 100/page, {latency.TotalMilliseconds:0} ms latency, {name}",
            pages.ToString(CultureInfo.InvariantCulture),
            (host.Requests - requestsBefore).ToString(CultureInfo.InvariantCulture),
            Seconds(watch.Elapsed),
            "ideal " + Seconds(ideal),
            Ratio(ratio),
            target,
            result,
        ]);
    }

    private static async Task<string[]> RateLimitAsync(int accounts, bool smoke, CancellationToken ct)
    {
        // Scaled down 30×: 20 requests per 2 s stands for the vendor's 100 per minute, so the run takes seconds.
        var limit = 20;
        var window = TimeSpan.FromSeconds(smoke ? 0.5 : 2);
        var latency = TimeSpan.FromMilliseconds(smoke ? 5 : 20);
        await using var host = await EmulatorHost.StartAsync(
            new EmulatorOptions { Accounts = accounts, Token = Token, Latency = latency, RateLimitRequests = limit, RateLimitWindow = window },
            ct);
        var options = Options(host, 100, 8);
        options.RequestsPerMinute = limit;
        options.RateLimitWindow = window;
        using var source = new TotangoHttpSource(options);
        var watch = Stopwatch.StartNew();
        var summary = await new ActiveListFetcher(source, options).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Summary), new ProjectionSink(), cancellationToken: ct);
        watch.Stop();
        var requests = host.Requests;
        var floor = (window * Math.Ceiling((requests / (double)limit) - 1)) + latency;
        var ratio = watch.Elapsed / floor;
        var ok = ratio <= 1.1 && host.Throttled == 0;
        return [
            $"rate limit {limit} per {window.TotalSeconds:0.#} s (scaled 100/min), {accounts:N0} accounts, 100/page, MaxConcurrency 8",
            summary.Pages.ToString(CultureInfo.InvariantCulture),
            requests.ToString(CultureInfo.InvariantCulture),
            Seconds(watch.Elapsed),
            "floor " + Seconds(floor),
            Ratio(ratio),
            "≤1.1× floor, 0 × 429",
            (ok ? "PASS" : "FAIL") + $" ({host.Throttled} × 429)",
        ];
    }

    private static async Task<string[]> PeakMemoryAsync(int accounts, CancellationToken ct)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Accounts = accounts, Token = Token }, ct);
        var options = Options(host, 1000, 4);
        using var source = new TotangoHttpSource(options);
        var sink = new ProjectionSink();
        var watch = Stopwatch.StartNew();
        var summary = await new ActiveListFetcher(source, options).FetchAsync(new ActiveListQuery("1", ListEndpoint.Current, ReturnType.Stats), sink, cancellationToken: ct);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        var ok = peakMb < 300 && sink.Count == accounts;
        return [
            $"peak working set, {accounts:N0} accounts with stats, 1000/page, emulator in-process",
            summary.Pages.ToString(CultureInfo.InvariantCulture),
            summary.Requests.ToString(CultureInfo.InvariantCulture),
            Seconds(watch.Elapsed),
            peakMb.ToString("0", CultureInfo.InvariantCulture) + " MB",
            "—",
            "< 300 MB",
            ok ? "PASS" : "FAIL",
        ];
    }

    /// <summary>Keeps what a report keeps: a few fields per account, not the record.</summary>
    private sealed class ProjectionSink : IAccountSink
    {
        private readonly List<(string Id, string Name, double Score, long Activities30d)> _rows = [];

        public int Count => _rows.Count;

        public void Add(ReturnType returnType, JsonElement account)
        {
            var score = account.TryGetProperty("engagement", out var e) && e.TryGetProperty("score", out var s) && s.TryGetProperty("current", out var c) && c.TryGetDouble(out var d) ? d : 0;
            long activities = 0;
            if (account.TryGetProperty("stats", out var stats) && stats.TryGetProperty("activities", out var acts) && acts.TryGetProperty("past_30d", out var w) && w.TryGetProperty("all", out var all))
            {
                activities = all.GetInt64();
            }

            _rows.Add((account.GetProperty("account_id").GetString()!, account.GetProperty("name").GetString()!, score, activities));
        }
    }
}
