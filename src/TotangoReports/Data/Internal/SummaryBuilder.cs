using System.Text;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Computes a dataset's <see cref="ReportSummary"/> from its final rows: the declared KPIs and charts of
/// <c>summary:</c>, or the defaults from the rows' account facts. Aggregates share <see cref="GroupBuilder"/>'s evaluation.
/// </summary>
internal sealed class SummaryBuilder(string dataset, IReadOnlyList<object?[]> rows, GroupBuilder aggregates, Func<string, int> columnIndex, ProblemLog problems)
{
    /// <summary>The past snapshots KPI compares and over-charts read; null = none loaded (their figures stay empty).</summary>
    public HistoryFrames? History { get; init; }

    public ReportSummary Build(SummaryDefinition? declared, Func<IReadOnlyList<AccountFacts>> facts)
    {
        IReadOnlyList<AccountFacts>? shown = null;
        IReadOnlyList<AccountFacts> Facts() => shown ??= facts();
        return new ReportSummary
        {
            Dataset = dataset,
            Rows = rows.Count,
            Kpis = declared?.Kpis is { } kpis ? Kpis(kpis) : DefaultSummary.Kpis(Facts()),
            Charts = declared?.Charts is { } charts ? Charts(charts) : DefaultSummary.Charts(Facts()),
        };
    }

    private List<SummaryKpi> Kpis(IReadOnlyList<KpiDefinition> kpis)
    {
        var all = Enumerable.Range(0, rows.Count).ToArray();
        var result = new List<SummaryKpi>(kpis.Count);
        foreach (var kpi in kpis)
        {
            problems.Locate($"aggregate '{kpi.Label}'", kpi.Location);
            var aggregate = aggregates.Prepare(AggregateSpec.Parse(kpi.Label, kpi.Value, columnIndex), columnIndex, "KPI");
            var cell = aggregate.CellOver(all);
            var kind = aggregate.Column.Kind;
            var format = kpi.Format ?? (kind == CellKind.Number ? DefaultFormats.Number : aggregate.Column.Format ?? (kind == CellKind.Date ? DefaultFormats.Date : DefaultFormats.DateTime));
            result.Add(new SummaryKpi(Key(kpi.Label), kpi.Label, cell as double?, format, ToneOf(kpi.Label)) { Kind = kind, Cell = cell, Compare = Compare(kpi, cell as double?) });
        }

        return result;
    }

    private List<SummaryChart> Charts(IReadOnlyList<ChartDefinition> charts)
    {
        var result = new List<SummaryChart>(charts.Count);
        var dated = new HashSet<int>();
        for (var c = 0; c < charts.Count; c++)
        {
            problems.Reserve($"aggregate '{charts[c].Title}'");
            problems.Locate($"aggregate '{charts[c].Title}'", charts[c].Location);
            if (PlotsDates(charts[c]))
            {
                dated.Add(c);
            }
        }

        var overTime = OverTime([.. charts.Select((chart, c) => dated.Contains(c) ? chart with { Over = null } : chart)]);
        for (var c = 0; c < charts.Count; c++)
        {
            var chart = charts[c];
            if (dated.Contains(c))
            {
                // A date has no height: plotted, it would be a bar of 0 that reads as a real figure.
                result.Add(new SummaryChart($"chart-{c + 1}", chart.Title, chart.Type, [], []));
                continue;
            }

            if (overTime.TryGetValue(c, out var drawn))
            {
                result.Add(drawn);
                continue;
            }

            if (chart.Type == ChartType.StackedBar && chart.Series is { } series)
            {
                result.Add(Stacked($"chart-{c + 1}", chart, series));
                continue;
            }

            var points = columnIndex(chart.Y.Trim()) is var yColumn and >= 0 ? PerRow(chart, yColumn) : PerX(chart);
            points = Top(points, Order(chart), chart.Limit);

            result.Add(new SummaryChart($"chart-{c + 1}", chart.Title, chart.Type, points.Select(p => p.Label).ToList(), points.Select(p => p.Value).ToList()));
        }

        return result;
    }

    /// <summary>The KPI's aggregate over the then-snapshot's shown rows, and now minus then.</summary>
    private KpiComparison? Compare(KpiDefinition kpi, double? now)
    {
        if (kpi.CompareSpan is not { } span)
        {
            return null;
        }

        var then = History?.Then(span)?.Aggregate(kpi.Label, kpi.Value);
        return new KpiComparison(then, now is { } a && then is { } b ? a - b : null, kpi.Compare!);
    }

    /// <summary>
    /// Whether the chart's y is a date (<c>min</c>/<c>max</c>/<c>median</c> of a date column, or a date column itself):
    /// said once as a warning, and the chart is left empty rather than drawn at 0.
    /// </summary>
    private bool PlotsDates(ChartDefinition chart)
    {
        var y = chart.Y.Trim();
        var column = columnIndex(y) >= 0;
        var kind = aggregates.KindOf(AggregateSpec.Parse(chart.Title, column ? $"max({y})" : y, columnIndex));
        if (kind is not (CellKind.Date or CellKind.DateTime))
        {
            return false;
        }

        problems.Add($"aggregate '{chart.Title}'", $"y '{y}' is a {(kind == CellKind.Date ? "date" : "date-time")}, which a chart cannot plot", "the chart is empty; plot a number (count, or a number column)");
        return true;
    }

    /// <summary>
    /// The charts <c>over:</c> history, by their index: one point per snapshot in (now − over, now], oldest first, then
    /// now, labelled with the snapshot's date; y over each one's shown rows (a y column is summed), split by series for a
    /// stacked-bar. The charts over one span share one walk of its snapshots, each laid out once.
    /// </summary>
    private Dictionary<int, SummaryChart> OverTime(IReadOnlyList<ChartDefinition> charts)
    {
        var drawn = new Dictionary<int, SummaryChart>();
        var nowFrame = new SummaryFrame(rows, aggregates, columnIndex);
        foreach (var span in charts.Where(c => c.Over is not null).Select(c => c.Over!.Value).Distinct())
        {
            var members = Enumerable.Range(0, charts.Count).Where(c => charts[c].Over == span).Select(c => new OverChart(c, charts[c], columnIndex)).ToList();
            var frames = (History?.Over(span) ?? []).Append((History?.Now ?? DateTimeOffset.MinValue, nowFrame));
            var zone = History?.Zone ?? TimeZoneInfo.Utc;

            // One pass, one frame alive at a time (HistoryFrames.Over is lazy): the points, not the past rows, are kept.
            var labels = new List<string>();
            foreach (var (takenAt, frame) in frames)
            {
                labels.Add(WeekLabel(takenAt, zone));
                foreach (var member in members)
                {
                    member.Add(frame);
                }
            }

            foreach (var member in members)
            {
                drawn.Add(member.Index, member.Draw($"chart-{member.Index + 1}", labels));
            }
        }

        return drawn;
    }

    /// <summary>One chart over history while its snapshots are walked: its points so far.</summary>
    private sealed class OverChart(int index, ChartDefinition chart, Func<string, int> columnIndex)
    {
        private readonly string _y = columnIndex(chart.Y.Trim()) >= 0 ? $"sum({chart.Y.Trim()})" : chart.Y;
        private readonly bool _stacked = chart.Type == ChartType.StackedBar && chart.Series is not null;
        private readonly List<double> _values = [];
        private readonly List<Dictionary<string, double>> _perFrame = [];

        public int Index => index;

        public void Add(SummaryFrame frame)
        {
            if (_stacked)
            {
                _perFrame.Add(frame.PerKey(chart.Title, chart.Series!, _y));
            }
            else
            {
                _values.Add(frame.Aggregate(chart.Title, _y) ?? 0d);
            }
        }

        public SummaryChart Draw(string key, List<string> labels)
        {
            if (!_stacked)
            {
                return new SummaryChart(key, chart.Title, chart.Type, labels, _values) { Dated = true };
            }

            var names = _perFrame.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).ToList();
            names.Sort((a, b) => DefaultSummary.CompareLabels(a, b) is var byHealth and not 0 ? byHealth : string.CompareOrdinal(a, b));
            return new SummaryChart(key, chart.Title, chart.Type, labels, _perFrame.Select(p => p.Values.Sum()).ToList())
            {
                Dated = true,
                Series = names,
                Stacks = names.Select(n => (IReadOnlyList<double>)_perFrame.Select(p => p.GetValueOrDefault(n)).ToList()).ToList(),
            };
        }
    }

    /// <summary>A snapshot's x label: its date in the report's zone, e.g. <c>Nov 23</c>.</summary>
    private static string WeekLabel(DateTimeOffset takenAt, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(takenAt, zone).ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first <paramref name="limit"/> points in order: a bounded heap, so a top 10 of 100,000 rows sorts 10, not 100,000.</summary>
    private static List<(string Label, double Value)> Top(List<(string Label, double Value)> points, Comparison<(string Label, double Value)> order, int? limit)
    {
        if (limit is not { } count || points.Count <= count * 4)
        {
            points.Sort(order);
            return limit is { } n && points.Count > n ? points[..n] : points;
        }

        // The heap's root is the worst point kept: a newcomer replaces it only when it comes before it.
        var worstFirst = Comparer<(string Label, double Value)>.Create((a, b) => order(b, a));
        var heap = new PriorityQueue<(string Label, double Value), (string Label, double Value)>(count + 1, worstFirst);
        foreach (var point in points)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(point, point);
            }
            else if (order(point, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(point, point);
            }
        }

        var top = new List<(string Label, double Value)>(heap.Count);
        while (heap.TryDequeue(out var point, out _))
        {
            top.Add(point);
        }

        top.Sort(order);
        return top;
    }

    /// <summary>y names a column: one bar per row ("Score" of each "Account"), rows without a number left out.</summary>
    private List<(string Label, double Value)> PerRow(ChartDefinition chart, int yColumn)
    {
        var labels = aggregates.GroupKeys(chart.X, columnIndex);
        var points = new List<(string Label, double Value)>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r][yColumn] is double value)
            {
                points.Add((labels[r].Length == 0 ? "(none)" : labels[r], value));
            }
        }

        return points;
    }

    /// <summary>y is an aggregate: one bar per distinct x, the aggregate over its rows.</summary>
    private List<(string Label, double Value)> PerX(ChartDefinition chart)
    {
        var keys = aggregates.GroupKeys(chart.X, columnIndex);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < keys.Length; r++)
        {
            if (!members.TryGetValue(keys[r], out var list))
            {
                members.Add(keys[r], list = []);
            }

            list.Add(r);
        }

        var aggregate = aggregates.Prepare(AggregateSpec.Parse(chart.Title, chart.Y, columnIndex), columnIndex);
        return members.Select(m => (Label: m.Key.Length == 0 ? "(none)" : m.Key, Value: aggregate.Over(m.Value) ?? 0d)).ToList();
    }

    /// <summary>
    /// y's aggregate per (x, series) pair (a y column is summed); a bar's total is the sum of its segments, which orders
    /// and limits the bars as for plain bars. Series are sorted: health order, then ordinal.
    /// </summary>
    private SummaryChart Stacked(string key, ChartDefinition chart, string series)
    {
        var xs = aggregates.GroupKeys(chart.X, columnIndex);
        var ss = aggregates.GroupKeys(series, columnIndex);
        var members = new Dictionary<(string X, string S), List<int>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < xs.Length; r++)
        {
            var pair = (X: xs[r].Length == 0 ? "(none)" : xs[r], S: ss[r].Length == 0 ? "(none)" : ss[r]);
            if (!members.TryGetValue(pair, out var list))
            {
                members.Add(pair, list = []);
            }

            list.Add(r);
            names.Add(pair.S);
        }

        var y = columnIndex(chart.Y.Trim()) >= 0 ? $"sum({chart.Y.Trim()})" : chart.Y;
        var aggregate = aggregates.Prepare(AggregateSpec.Parse(chart.Title, y, columnIndex), columnIndex);
        var values = members.ToDictionary(m => m.Key, m => aggregate.Over(m.Value) ?? 0d);
        var totals = values.GroupBy(v => v.Key.X, StringComparer.Ordinal).Select(g => (Label: g.Key, Value: g.Sum(v => v.Value))).ToList();
        var bars = Top(totals, Order(chart), chart.Limit);
        var order = names.ToList();
        order.Sort((a, b) => DefaultSummary.CompareLabels(a, b) is var byHealth and not 0 ? byHealth : string.CompareOrdinal(a, b));
        var stacks = order
            .Select(name => (IReadOnlyList<double>)bars.Select(b => values.GetValueOrDefault((b.Label, name))).ToList())
            .ToList();
        return new SummaryChart(key, chart.Title, chart.Type, bars.Select(b => b.Label).ToList(), bars.Select(b => b.Value).ToList())
        {
            Series = order,
            Stacks = stacks,
        };
    }

    /// <summary>Sort by x (health order, then ordinal) unless the chart sorts by y; ties by label.</summary>
    private static Comparison<(string Label, double Value)> Order(ChartDefinition chart)
    {
        var sort = chart.Sort ?? "x";
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        var byX = key == "x" || (key == chart.X && key != Definition.Internal.SummaryBinder.AggregateArgument(chart.Y));
        return (a, b) =>
        {
            var result = byX ? DefaultSummary.CompareLabels(a.Label, b.Label) : a.Value.CompareTo(b.Value);
            result = descending ? -result : result;
            return result != 0 ? result : string.CompareOrdinal(a.Label, b.Label);
        };
    }

    private static KpiTone ToneOf(string label) => DefaultSummary.HealthIndex(label.Split(':', StringSplitOptions.TrimEntries)[^1]) switch
    {
        0 => KpiTone.Good,
        1 => KpiTone.Average,
        2 => KpiTone.Poor,
        _ => KpiTone.Neutral,
    };

    private static string Key(string label)
    {
        var key = new StringBuilder(label.Length);
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        return key.ToString().TrimEnd('-');
    }
}
