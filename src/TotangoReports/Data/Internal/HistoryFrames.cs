using TotangoReports.Data.History;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Past snapshots as the summary aggregates them: each snapshot's SHOWN rows (the recorded flag is the truth; nothing
/// is filtered again) with a <see cref="GroupBuilder"/> of their own, so a KPI's compare and an over-chart's points are
/// the same aggregate the tile computes now.
/// </summary>
/// <remarks>
/// A frame's rows hold only the snapshot's columns plus one always-empty cell that every other column of the table
/// reads, so an aggregate naming a column the past lacks is empty, as it is when the column is there but blank. The
/// host sees every table column by name. Twelve weeks of 100,000 rows as wide as the table were most of what a
/// history run allocated.
/// </remarks>
/// <param name="names">The table's column names.</param>
/// <param name="host">An expression host over the column names given (the frame's layout).</param>
/// <param name="slice">Which past rows belong to this table (a burst value's own rows); null = every shown row.</param>
internal sealed class HistoryFrames(HistoryInputs inputs, IReadOnlyList<string> names, TimeZoneInfo zone, Func<IReadOnlyList<string>, ExpressionHost> host, ProblemLog problems, (PastPartition Partition, string Value)? slice = null)
{
    // One frame at a time: a chart walks them once in order (KPI compares all read the one "then").
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
    /// The same past narrowed to the rows <paramref name="partition"/> files under <paramref name="value"/>: a burst
    /// report compares its owner's rows now with its owner's rows then, never with the whole report's.
    /// </summary>
    public HistoryFrames Slice(PastPartition partition, string value) => new(inputs, names, zone, host, problems, (partition, value));

    private SummaryFrame FrameOf(HistorySnapshot snapshot)
    {
        if (_last is { } last && ReferenceEquals(last.Snapshot, snapshot))
        {
            return last.Frame;
        }

        _last = null;

        // The snapshot's columns the table still has, in the snapshot's order; then the always-empty cell.
        var present = Enumerable.Range(0, snapshot.Columns.Count).Where(c => names.Contains(snapshot.Columns[c].Name)).ToArray();
        var layout = present.Select(c => snapshot.Columns[c].Name).ToList();
        var empty = layout.Count;
        var laidOut = layout.ToHashSet(StringComparer.Ordinal);
        layout.AddRange(names.Where(n => !laidOut.Contains(n)));
        var index = layout.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => Math.Min(p.i, empty), StringComparer.Ordinal);
        // A burst value's frame visits only its own rows, found once per snapshot for every value (not 100,000 rows
        // per owner per week).
        IReadOnlyList<int> visit = slice is { } s ? s.Partition.Rows(snapshot, s.Value) : Shown(snapshot);
        var rows = new List<object?[]>(visit.Count);
        var ids = new List<int>(visit.Count);
        foreach (var row in visit)
        {
            var values = new object?[empty + 1];
            for (var c = 0; c < present.Length; c++)
            {
                var cell = snapshot.Cell(row, present[c]);
                values[c] = cell is DateTimeOffset instant ? TimeZoneInfo.ConvertTime(instant, zone) : cell;
            }

            rows.Add(values);
            ids.Add(row);
        }

        Func<string, int> columnIndex = name => index.TryGetValue(name, out var at) ? at : -1;
        var frame = new SummaryFrame(rows, new GroupBuilder(rows, new PastAccounts(snapshot, ids), () => host(layout), problems), columnIndex);
        _last = (snapshot, frame);
        return frame;
    }

    private static List<int> Shown(HistorySnapshot snapshot)
    {
        var shown = new List<int>(snapshot.ShownCount);
        for (var row = 0; row < snapshot.Count; row++)
        {
            if (snapshot.IsShown(row))
            {
                shown.Add(row);
            }
        }

        return shown;
    }

    /// <summary>
    /// The frame's rows as accounts: a past row has no record to read (no leaves), only its id for a problem's message,
    /// so each is made when asked for rather than 100,000 kept per frame.
    /// </summary>
    private sealed class PastAccounts(HistorySnapshot snapshot, List<int> rows) : IReadOnlyList<ProjectedAccount>
    {
        public int Count => rows.Count;

        public ProjectedAccount this[int index] => new(snapshot.AccountId(rows[index]), 0);

        public IEnumerator<ProjectedAccount> GetEnumerator()
        {
            for (var i = 0; i < rows.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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

/// <summary>
/// Each past snapshot's shown rows by their burst value (<paramref name="key"/> of the <paramref name="column"/> cell;
/// a snapshot without the column files every row under ""), worked out once per snapshot and shared by every value's
/// slice. Instants are read in the report's <paramref name="zone"/>, as the rows now are.
/// </summary>
internal sealed class PastPartition(string column, Func<object?, string> key, TimeZoneInfo zone)
{
    private readonly Dictionary<HistorySnapshot, Dictionary<string, List<int>>> _bySnapshot = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<int> Rows(HistorySnapshot snapshot, string value)
    {
        if (!_bySnapshot.TryGetValue(snapshot, out var byValue))
        {
            byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var at = snapshot.ColumnOf(column);
            for (var row = 0; row < snapshot.Count; row++)
            {
                if (!snapshot.IsShown(row))
                {
                    continue;
                }

                var cell = at >= 0 ? snapshot.Cell(row, at) : null;
                var text = key(cell is DateTimeOffset instant ? TimeZoneInfo.ConvertTime(instant, zone) : cell);
                if (!byValue.TryGetValue(text, out var list))
                {
                    byValue.Add(text, list = []);
                }

                list.Add(row);
            }

            _bySnapshot.Add(snapshot, byValue);
        }

        return byValue.TryGetValue(value, out var rows) ? rows : [];
    }
}
