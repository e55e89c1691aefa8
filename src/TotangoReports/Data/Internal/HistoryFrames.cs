using TotangoReports.Data.History;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Past snapshots as the summary aggregates them: each snapshot's SHOWN rows (the recorded flag is the truth; nothing
/// is filtered again) laid out in this table's columns, with a <see cref="GroupBuilder"/> of their own, so a KPI's
/// compare and an over-chart's points are the same aggregate the tile computes now.
/// </summary>
/// <param name="keep">Which past rows belong to this table (a burst value's own rows); null = every shown row.</param>
internal sealed class HistoryFrames(HistoryInputs inputs, IReadOnlyList<string> names, TimeZoneInfo zone, Func<ExpressionHost> host, ProblemLog problems, Func<object?[], bool>? keep = null)
{
    // One frame at a time: twelve weeks of 100,000 rows laid out in every column would not fit beside the report, and
    // a chart walks them once in order (KPI compares all read the one "then").
    private (HistorySnapshot Snapshot, SummaryFrame Frame)? _last;

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Now => inputs.Now;

    /// <summary>The snapshot "then" for <paramref name="span"/>, or null when there is none.</summary>
    public SummaryFrame? Then(TimeSpan span) => inputs.Then(span) is { } snapshot ? FrameOf(snapshot) : null;

    /// <summary>The snapshots an over-chart draws before now, oldest first.</summary>
    /// <remarks>Lazy: each frame is made as it is reached and let go when the next one is, so read it once, in order.</remarks>
    public IEnumerable<(DateTimeOffset TakenAt, SummaryFrame Frame)> Over(TimeSpan span) =>
        inputs.Over(span).Select(s => (s.TakenAt, FrameOf(s)));

    /// <summary>
    /// The same past narrowed to the rows <paramref name="belongs"/> accepts: a burst report compares its owner's rows
    /// now with its owner's rows then, never with the whole report's.
    /// </summary>
    public HistoryFrames Slice(Func<object?[], bool> belongs) => new(inputs, names, zone, host, problems, belongs);

    private SummaryFrame FrameOf(HistorySnapshot snapshot)
    {
        if (_last is { } last && ReferenceEquals(last.Snapshot, snapshot))
        {
            return last.Frame;
        }

        _last = null;

        var map = snapshot.Columns.Select(c => IndexOf(c.Name)).ToArray();
        var rows = new List<object?[]>(snapshot.ShownCount);
        var accounts = new List<ProjectedAccount>(snapshot.ShownCount);
        foreach (var row in snapshot.Rows)
        {
            if (!row.Shown)
            {
                continue;
            }

            var values = new object?[names.Count];
            for (var c = 0; c < map.Length && c < row.Cells.Length; c++)
            {
                if (map[c] >= 0)
                {
                    values[map[c]] = row.Cells[c] is DateTimeOffset instant ? TimeZoneInfo.ConvertTime(instant, zone) : row.Cells[c];
                }
            }

            if (keep is not null && !keep(values))
            {
                continue;
            }

            rows.Add(values);
            accounts.Add(new ProjectedAccount(row.AccountId, 0));
        }

        var frame = new SummaryFrame(rows, new GroupBuilder(rows, accounts, host, problems), IndexOf);
        _last = (snapshot, frame);
        return frame;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Rows and their aggregates: the current table's, or a past snapshot's shown rows.</summary>
internal sealed record SummaryFrame(IReadOnlyList<object?[]> Rows, GroupBuilder Aggregates, Func<string, int> ColumnIndex)
{
    /// <summary>The aggregate <paramref name="text"/> over every row of the frame.</summary>
    public double? Aggregate(string label, string text) =>
        Aggregates.Prepare(AggregateSpec.Parse(label, text, ColumnIndex), ColumnIndex).Over(Enumerable.Range(0, Rows.Count).ToArray());

    /// <summary>The aggregate per distinct value of <paramref name="by"/> ("(none)" for empty).</summary>
    public Dictionary<string, double> PerKey(string label, string by, string text)
    {
        var keys = Aggregates.GroupKeys(by, ColumnIndex);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < keys.Length; r++)
        {
            var key = keys[r].Length == 0 ? "(none)" : keys[r];
            if (!members.TryGetValue(key, out var list))
            {
                members.Add(key, list = []);
            }

            list.Add(r);
        }

        var aggregate = Aggregates.Prepare(AggregateSpec.Parse(label, text, ColumnIndex), ColumnIndex);
        return members.ToDictionary(m => m.Key, m => aggregate.Over(m.Value) ?? 0d, StringComparer.Ordinal);
    }
}
