using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Bench;

/// <summary>
/// What the summary costs on top of the table: the same 100,000 accounts (DataBench's pages, same seed) built twice,
/// once with every KPI and chart dropped (the table alone) and then with 6 KPIs and 4 charts, timing the summary
/// inside the build (DatasetBuilder.SummaryCost: wall time and bytes allocated on the building thread).
/// </summary>
internal sealed class SummaryBench : IBenchmark
{
    private const int Rounds = 3;

    public string Name => "summary";

    public string Description => "Summary: 6 KPIs + 4 charts over 100,000 rows, against the table alone (time, allocated, retained)";

    public Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = smoke ? 2_000 : 100_000;
        var alone = Measure(new SummaryDefinition { Kpis = [], Charts = [] }, accounts, cancellationToken, out _);
        var rounds = new List<Measurement>();
        ReportSummary? summary = null;
        for (var round = 0; round < Rounds; round++)
        {
            rounds.Add(Measure(Declared(), accounts, cancellationToken, out summary));
        }

        // The machine is shared: the fastest round is the cost, the slowest shows the noise.
        var best = rounds.MinBy(m => m.Summary)!;
        var worst = rounds.MaxBy(m => m.Summary)!;
        output.WriteLine($"## summary — {accounts:N0} rows, {summary!.Kpis.Count} KPIs + {summary.Charts.Count} charts, {Rounds} rounds");
        output.WriteLine();
        output.WriteLine("| build | whole build (wall) | summary inside it (wall) | summary allocated | retained after build |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| table alone (kpis: [], charts: []) | {alone.Build.TotalMilliseconds:N0} ms | {alone.Summary.TotalMilliseconds:N1} ms | {alone.Allocated / 1048576.0:N1} MB | {alone.Retained / 1048576.0:N1} MB |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| table + summary, best round | {best.Build.TotalMilliseconds:N0} ms | **{best.Summary.TotalMilliseconds:N0} ms** | **{best.Allocated / 1048576.0:N1} MB** | {best.Retained / 1048576.0:N1} MB |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| table + summary, worst round | {worst.Build.TotalMilliseconds:N0} ms | {worst.Summary.TotalMilliseconds:N0} ms | {worst.Allocated / 1048576.0:N1} MB | {worst.Retained / 1048576.0:N1} MB |"));
        output.WriteLine();
        return Task.FromResult(summary.Kpis.Count == 6 && summary.Charts.Count == 4 ? 0 : 1);
    }

    private static SummaryDefinition Declared() => new()
    {
        Kpis =
        [
            new("Accounts", "count", "#,##0", null, default),
            new("Average score", "avg(Score)", "0.0", null, default),
            new("Health: Poor", "count(Health == \"Poor\")", "#,##0", null, default),
            new("Active users 30d", "sum(Users 30d)", "#,##0", null, default),
            new("Median score", "median(Score)", "0", null, default),
            new("Regions", "distinct(Region)", "0", null, default),
        ],
        Charts =
        [
            new("Accounts by health", ChartType.Bar, "Health", "count", null, null, default),
            new("Users by region", ChartType.Bar, "Region", "sum(Users 30d)", "-y", null, default),
            new("Top 10 by score", ChartType.HBar, "Account", "Score", "-Score", 10, default),
            new("Score by plan type", ChartType.Bar, "Plan type", "avg(Score)", null, null, default),
        ],
    };

    private static Measurement Measure(SummaryDefinition summary, int accounts, CancellationToken cancellationToken, out ReportSummary result)
    {
        var context = new ReportContext(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new Dictionary<string, string>(), DateTimeOffset.UtcNow);
        var builder = new DatasetBuilder(DataBench.Definition(), context) { Summary = summary };
        DataBench.Feed(builder, accounts, cancellationToken);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var table = builder.Build(new FetchSummary { TotalItems = accounts });
        watch.Stop();
        var measurement = new Measurement(watch.Elapsed, builder.SummaryCost.Elapsed, builder.SummaryCost.Allocated, GC.GetTotalMemory(forceFullCollection: true) - before);
        result = table.Summary!;
        GC.KeepAlive(table);
        return measurement;
    }

    private sealed record Measurement(TimeSpan Build, TimeSpan Summary, long Allocated, long Retained);
}
