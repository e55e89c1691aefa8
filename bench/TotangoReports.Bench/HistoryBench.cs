using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Data.Internal;
using TotangoReports.Definition;
using TotangoReports.Fixtures;

namespace TotangoReports.Bench;

/// <summary>
/// The report side of history (issue #16): DataBench's 100,000 accounts with 12 weekly snapshots held in memory
/// (an in-memory reader: the store's own reads are the store's bench). Measures what <c>change</c>/<c>previous</c>
/// add to the build, what a 12-week trend chart (line and stacked-bar over 12 snapshots) costs inside the summary,
/// and the process's peak working set with all of it.
/// </summary>
internal sealed class HistoryBench : IBenchmark
{
    private const int Rounds = 3;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public string Name => "history";

    public string Description => "History: change/previous columns and a 12-week trend chart over 100,000 accounts × 12 snapshots, peak memory";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = smoke ? 2_000 : 100_000;

        // Week 0 recorded as a store would record it; the 12 weeks before it are that snapshot with scores moved.
        var recorded = Build(Plain(), null, accounts, record: true, cancellationToken).Table;
        var reader = new InMemoryHistoryReader();
        for (var week = 1; week <= 12; week++)
        {
            reader.Add(Past(recorded, week));
        }

        var plain = new List<TimeSpan>();
        var withColumns = new List<TimeSpan>();
        var charts = new List<TimeSpan>();
        DatasetTable? table = null;
        for (var round = 0; round < Rounds; round++)
        {
            plain.Add(Build(Plain(), null, accounts, record: false, cancellationToken).Build);
            var loading = Stopwatch.StartNew();
            var inputs = await Load(reader, WithColumns(), null, cancellationToken);
            loading.Stop();
            var columns = Build(WithColumns(), inputs, accounts, record: false, cancellationToken);
            withColumns.Add(columns.Build + loading.Elapsed);
            var trend = Build(Plain(), await Load(reader, Plain(), Trend(), cancellationToken), accounts, record: false, cancellationToken, Trend());
            charts.Add(trend.Summary);
            table = trend.Table;
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64 / 1048576.0;
        var added = withColumns.Min() - plain.Min();
        var chart = charts.Min();
        output.WriteLine($"## history — {accounts:N0} accounts, 12 weekly snapshots in memory, best of {Rounds}");
        output.WriteLine();
        output.WriteLine("| measure | value | target |");
        output.WriteLine("| --- | ---: | --- |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| build without history columns (wall) | {plain.Min().TotalMilliseconds:N0} ms | — |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| build with `change` + `previous` 7d, load included (wall) | {withColumns.Min().TotalMilliseconds:N0} ms | — |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| what change/previous add | **{added.TotalMilliseconds:N0} ms** | < 1 s |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 12-week line + stacked-bar over 12 snapshots (summary wall) | **{chart.TotalMilliseconds:N0} ms** | < 1 s |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peak working set of this process (synthetic pages, and 12 snapshots of all 18 columns held by the in-memory reader) | {peak:N0} MB | — (the run's peak: `bench/weekly-history-memory.sh`) |"));
        output.WriteLine();
        var points = table!.Summary!.Charts.Select(c => c.Labels.Count).ToList();
        return points.All(p => p == 12) && added < TimeSpan.FromSeconds(smoke ? 10 : 1) && chart < TimeSpan.FromSeconds(smoke ? 10 : 1) ? 0 : 1;
    }

    private static DatasetDefinition Plain() => DataBench.Definition();

    private static DatasetDefinition WithColumns()
    {
        var plain = DataBench.Definition();
        return new DatasetDefinition
        {
            Name = plain.Name,
            List = plain.List,
            Return = plain.Return,
            Columns =
            [
                .. plain.Columns,
                new() { Name = "Score change 7d", History = new HistoryReference(HistoryColumnKind.Change, "Score", TimeSpan.FromDays(7), "7d", default) },
                new() { Name = "Health 7d ago", History = new HistoryReference(HistoryColumnKind.Previous, "Health", TimeSpan.FromDays(7), "7d", default) },
            ],
            Activities = plain.Activities,
            Sort = plain.Sort,
            Group = plain.Group,
        };
    }

    private static SummaryDefinition Trend() => new()
    {
        Kpis = [],
        Charts =
        [
            new("Users 30d, 12 weeks", ChartType.Line, "week", "sum(Users 30d)", null, null, default) { Over = TimeSpan.FromDays(84) },
            new("Health, 12 weeks", ChartType.StackedBar, "week", "count", null, null, default) { Over = TimeSpan.FromDays(84), Series = "Health" },
        ],
    };

    private static Task<HistoryInputs?> Load(IHistoryReader reader, DatasetDefinition dataset, SummaryDefinition? summary, CancellationToken cancellationToken) =>
        HistoryInputs.LoadAsync(reader, dataset, summary, Now, TimeZoneInfo.Utc, cancellationToken);

    /// <summary>The recorded week moved back <paramref name="week"/> weeks: every score a few points lower, health from it.</summary>
    private static HistorySnapshot Past(DatasetTable recorded, int week)
    {
        var columns = recorded.RecordedColumns!;
        var score = columns.ToList().FindIndex(c => c.Name == "Score");
        var health = columns.ToList().FindIndex(c => c.Name == "Health");
        var rows = recorded.RecordedRows!.Select((r, i) =>
        {
            var cells = (object?[])r.Cells.Clone();
            if (cells[score] is double s)
            {
                var then = Math.Clamp(s - ((i + week) % 7) + 3, 0, 100);
                cells[score] = then;
                cells[health] = then >= 70 ? "Good" : then >= 40 ? "Average" : "Poor";
            }

            return new HistoryRow(r.AccountId, cells, r.Shown);
        }).ToList();
        return new HistorySnapshot("accounts", Now.AddDays(-7 * week), columns, rows);
    }

    private static (DatasetTable Table, TimeSpan Build, TimeSpan Summary) Build(DatasetDefinition dataset, HistoryInputs? history, int accounts, bool record, CancellationToken cancellationToken, SummaryDefinition? summary = null)
    {
        var context = new ReportContext(TimeZoneInfo.Utc, new Dictionary<string, string>(), Now);
        var builder = new DatasetBuilder(dataset, context) { Summary = summary ?? new SummaryDefinition { Kpis = [], Charts = [] }, Records = record, History = history };
        DataBench.Feed(builder, accounts, cancellationToken);

        var watch = Stopwatch.StartNew();
        var table = builder.Build(new FetchSummary { TotalItems = accounts });
        return (table, watch.Elapsed, builder.SummaryCost.Elapsed);
    }
}
