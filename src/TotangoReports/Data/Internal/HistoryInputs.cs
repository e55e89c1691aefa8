using System.Globalization;
using TotangoReports.Data.History;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The snapshots one dataset's history columns, KPI compares and over-charts read, loaded once before the table is
/// shaped: "then" per distinct span, a trend's weekly slots, an over-chart's snapshots.
/// </summary>
internal sealed class HistoryInputs
{
    /// <summary>How far after the exact "then" a snapshot still counts: a weekly cron that ran a little late.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromHours(12);

    private readonly Dictionary<TimeSpan, HistorySnapshot?> _then = [];
    private readonly Dictionary<TimeSpan, IReadOnlyList<HistorySnapshot?>> _trend = [];
    private readonly Dictionary<TimeSpan, IReadOnlyList<HistorySnapshot>> _over = [];
    private readonly List<string> _warnings = [];

    public required DateTimeOffset Now { get; init; }

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The newest snapshot at or before now − span + 12h, or null (none: empty cells, never zeros).</summary>
    public HistorySnapshot? Then(TimeSpan span) => _then.GetValueOrDefault(span);

    /// <summary>A trend's past slots, oldest first (now not included); a null slot is a week without a snapshot.</summary>
    public IReadOnlyList<HistorySnapshot?> Trend(TimeSpan span) => _trend.GetValueOrDefault(span) ?? [];

    /// <summary>Every snapshot an over-chart draws: taken in (now − span, now − 12h], oldest first.</summary>
    public IReadOnlyList<HistorySnapshot> Over(TimeSpan span) => _over.GetValueOrDefault(span) ?? [];

    /// <summary>The slots of a trend over <paramref name="span"/>: weekly (daily under two weeks), now last.</summary>
    public static (TimeSpan Step, int Points) TrendSlots(TimeSpan span)
    {
        var step = span >= TimeSpan.FromDays(14) ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
        return (step, Math.Max(2, (int)Math.Round(span / step)));
    }

    /// <summary>
    /// Loads what <paramref name="dataset"/> and (when it is the summarised one) <paramref name="summary"/> read from
    /// <paramref name="reader"/>; null when they read nothing. Each distinct span is read once, only the columns needed.
    /// </summary>
    /// <param name="burstBy">The burst column when this dataset is burst: each value's compares and over-charts read the
    /// past rows of that value, so the column is read with the rest.</param>
    public static async Task<HistoryInputs?> LoadAsync(IHistoryReader reader, DatasetDefinition dataset, SummaryDefinition? summary, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken, string? burstBy = null)
    {
        var columns = dataset.Columns.Where(c => c.History is not null).ToList();
        var compares = summary?.Kpis?.Where(k => k.CompareSpan is not null).ToList() ?? [];
        var overs = summary?.Charts?.Where(c => c.Over is not null).ToList() ?? [];
        if (columns.Count == 0 && compares.Count == 0 && overs.Count == 0)
        {
            return null;
        }

        // Only the columns read: history columns' sources, and the value columns a compared KPI's or an over-chart's
        // aggregate (or series) names; 100,000 rows × 12 snapshots of every column would be read for nothing.
        var aggregates = compares.Select(k => k.Value).Concat(overs.SelectMany(c => new[] { c.Y, c.Series ?? string.Empty })).ToList();
        var names = columns.Select(c => c.History!.Source)
            .Concat(dataset.Columns.Where(c => c.History is null && aggregates.Exists(a => a.Contains(c.Name, StringComparison.Ordinal))).Select(c => c.Name))
            .Concat(burstBy is not null && (compares.Count > 0 || overs.Count > 0) ? [burstBy] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var inputs = new HistoryInputs { Now = now };
        var thenSpans = columns.Where(c => c.History!.Kind != HistoryColumnKind.Trend).Select(c => c.History!.Over)
            .Concat(compares.Select(k => k.CompareSpan!.Value)).Distinct().ToList();
        var trendSpans = columns.Where(c => c.History!.Kind == HistoryColumnKind.Trend).Select(c => c.History!.Over).Distinct().ToList();
        var overSpans = overs.Select(c => c.Over!.Value).Distinct().ToList();

        // Every window is read in one go and its snapshots shared: a 12-week trend, a 12-week chart and "7 days ago"
        // are the same snapshots, and 100,000 rows each held twice is the difference between fitting and not.
        var windows = trendSpans.Select(span => TrendSlots(span) is var (step, points) ? (From: now - (points * step) + Slack, UpTo: now - step + Slack) : default)
            .Concat(overSpans.Select(span => (From: now - span, UpTo: now - Slack)))
            .ToList();
        IReadOnlyList<HistorySnapshot> loaded = windows.Count == 0 ? []
            : await reader.BetweenAsync(dataset.Name, windows.Min(w => w.From), windows.Max(w => w.UpTo), names, cancellationToken).ConfigureAwait(false);
        foreach (var span in thenSpans)
        {
            // The newest loaded snapshot at or before "then" is the newest of all when "then" is inside the load and one
            // is loaded (the load has everything after its start); otherwise ask the store, which looks back without limit.
            var at = now - span + Slack;
            var covered = windows.Count > 0 && at <= windows.Max(w => w.UpTo);
            inputs._then[span] = (covered ? loaded.LastOrDefault(s => s.TakenAt <= at) : null)
                ?? await reader.AtOrBeforeAsync(dataset.Name, at, names, cancellationToken).ConfigureAwait(false);
        }

        foreach (var span in trendSpans)
        {
            var (step, points) = TrendSlots(span);
            var from = now - (points * step) + Slack;
            var slots = new HistorySnapshot?[points - 1];
            for (var i = 0; i < slots.Length; i++)
            {
                // Slot i is (points - 1 - i) steps back; its snapshot is the newest within that step.
                var back = points - 1 - i;
                var upTo = now - (back * step) + Slack;
                slots[i] = loaded.LastOrDefault(s => s.TakenAt > from && s.TakenAt <= upTo && s.TakenAt > upTo - step);
            }

            inputs._trend[span] = slots;
        }

        foreach (var span in overSpans)
        {
            inputs._over[span] = loaded.Where(s => s.TakenAt > now - span && s.TakenAt <= now - Slack).ToList();
        }

        await inputs.WarnAboutGapsAsync(reader, dataset, columns, compares, now, zone, cancellationToken).ConfigureAwait(false);
        return inputs;
    }

    /// <summary>One warning per missing "then" (which cells and tiles stay empty), unless the store has nothing yet: a first run.</summary>
    private async Task WarnAboutGapsAsync(IHistoryReader reader, DatasetDefinition dataset, List<ColumnDefinition> columns, List<KpiDefinition> compares, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var missing = _then.Where(t => t.Value is null).Select(t => t.Key).ToList();
        // A first run warns about nothing. Whatever was loaded already proves there is history; only when nothing was
        // is the store asked (that read decodes a snapshot's account ids, so not on every run).
        var anyLoaded = _then.Values.Any(v => v is not null) || _trend.Values.Any(t => t.Any(v => v is not null)) || _over.Values.Any(o => o.Count > 0);
        if (missing.Count == 0 || (!anyLoaded && await reader.AtOrBeforeAsync(dataset.Name, now, [], cancellationToken).ConfigureAwait(false) is null))
        {
            return;
        }

        foreach (var span in missing.Order())
        {
            var what = columns.Where(c => c.History!.Kind != HistoryColumnKind.Trend && c.History.Over == span).Select(c => c.Name)
                .Concat(compares.Where(k => k.CompareSpan == span).Select(k => $"the compare of KPI '{k.Label}'"))
                .ToList();
            var written = columns.Where(c => c.History!.Over == span).Select(c => c.History!.OverText)
                .Concat(compares.Where(k => k.CompareSpan == span).Select(k => k.Compare!)).FirstOrDefault() ?? SpanText(span);
            var date = TimeZoneInfo.ConvertTime(now - span, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _warnings.Add($"dataset '{dataset.Name}': no history {written} before {date}: {string.Join(", ", what)} {(what.Count == 1 ? "is" : "are")} empty.");
        }
    }

    /// <summary><c>7d</c>, <c>12w</c>, <c>36h</c>: how a span reads in warnings.</summary>
    public static string SpanText(TimeSpan span) =>
        span.TotalDays >= 7 && span.TotalDays % 7 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays / 7:0}w")
        : span.TotalHours % 24 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0}d")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h");
}
