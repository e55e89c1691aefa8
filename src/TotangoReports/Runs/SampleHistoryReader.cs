using Microsoft.Extensions.Logging.Abstractions;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Sample;
using TotangoReports.Store.Internal;

namespace TotangoReports.Runs;

/// <summary>
/// The <c>--sample</c> run's past (PRODUCT.md §8): twelve weekly snapshots held in memory, never the store. Week k
/// back is the sample as of now − k weeks (the same accounts drifted by <see cref="Sample.Internal.SampleDrift"/>, a
/// few entering and leaving) read and built through the same fetch and DatasetBuilder path as the run itself, so a
/// past cell is exactly what the report would have shown then. Each week is built once, on first use.
/// </summary>
internal sealed class SampleHistoryReader(PreparedRun run, SampleSourceOptions sample, TotangoOptions totango) : IHistoryReader
{
    /// <summary>How many weekly snapshots the sample history holds.</summary>
    public const int Weeks = 12;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly Dictionary<int, Task<Dictionary<string, HistorySnapshot>>> _weeks = [];
    private readonly Lock _gate = new();

    private DateTimeOffset Now => run.Context.Now;

    public async Task<HistorySnapshot?> AtOrBeforeAsync(string dataset, DateTimeOffset instant, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        // The newest week at or before the instant: k = ceil((now − instant) / week), at least one week back.
        var back = Math.Max(1, (int)Math.Ceiling((Now - instant) / Week));
        return back > Weeks ? null : Project(await WeekAsync(back, cancellationToken).ConfigureAwait(false), dataset, columns);
    }

    public async Task<IReadOnlyList<HistorySnapshot>> BetweenAsync(string dataset, DateTimeOffset after, DateTimeOffset upTo, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var result = new List<HistorySnapshot>();
        for (var back = Weeks; back >= 1; back--)
        {
            var takenAt = Now - (back * Week);
            if (takenAt > after && takenAt <= upTo && Project(await WeekAsync(back, cancellationToken).ConfigureAwait(false), dataset, columns) is { } snapshot)
            {
                result.Add(snapshot);
            }
        }

        return result;
    }

    private static HistorySnapshot? Project(Dictionary<string, HistorySnapshot> week, string dataset, IReadOnlyCollection<string> columns)
    {
        if (!week.TryGetValue(dataset, out var snapshot))
        {
            return null;
        }

        return snapshot.Project(columns);
    }

    private Task<Dictionary<string, HistorySnapshot>> WeekAsync(int back, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_weeks.TryGetValue(back, out var task))
            {
                task = BuildWeekAsync(back, cancellationToken);
                _weeks.Add(back, task);
            }

            return task;
        }
    }

    /// <summary>The whole report as of <paramref name="back"/> weeks ago, kept as one snapshot per dataset.</summary>
    private async Task<Dictionary<string, HistorySnapshot>> BuildWeekAsync(int back, CancellationToken cancellationToken)
    {
        var then = Now - (back * Week);
        var past = run with { Context = run.Context with { Now = then } };
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = sample.Accounts, Seed = sample.Seed, Epoch = then, DriftWeeks = -back });
        var fetched = await new FetchStage(totango, NullLogger.Instance, null)
            .RunAsync(past, source, past.BuilderFor, allowPartial: false, cancellationToken)
            .ConfigureAwait(false);
        var built = BuildStage.Run(past, fetched.Datasets, isSample: true).Report;
        return built.Datasets.ToDictionary(
            t => t.Name,
            t => SnapshotRecorder.From(t, then),
            StringComparer.Ordinal);
    }
}
