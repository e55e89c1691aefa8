using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Reads activity counts from either shape the API has used, with identical results:
/// <c>stats.activities.&lt;window&gt;.actions.{name: count}</c> (the vendor page) and
/// <c>stats.&lt;window&gt;.activities: [{name, current}]</c> (what the vendor's PHP scripts read).
/// When both are present for a window the first shape wins. Names differing only in case are summed.
/// </summary>
internal sealed class ActivityReader(ActivityIndex index, IReadOnlyList<string> pivotWindows)
{
    private readonly ActivityIndex _index = index;
    private readonly IReadOnlyList<string> _windows = pivotWindows;

    private static readonly IReadOnlyList<string> TotalWindows = ActivitiesDefinition.KnownWindows;

    // Reused per account: id → counts per pivot window.
    private readonly Dictionary<int, double[]> _scratch = [];

    public IReadOnlyList<string> PivotWindows => _windows;

    public ActivityCounts? ReadPivot(JsonElement stats)
    {
        if (_windows.Count == 0)
        {
            return null;
        }

        _scratch.Clear();
        for (var w = 0; w < _windows.Count; w++)
        {
            var sink = new PivotSink(this, w);
            Visit(stats, _windows[w], ref sink);
        }

        if (_scratch.Count == 0)
        {
            return null;
        }

        var ids = new int[_scratch.Count];
        var flat = new double[_scratch.Count * _windows.Count];
        var slot = 0;
        foreach (var (id, counts) in _scratch)
        {
            ids[slot] = id;
            counts.CopyTo(flat, slot * _windows.Count);
            slot++;
        }

        return new ActivityCounts(ids, flat, _windows.Count);
    }

    /// <summary>Total activity per known window (<c>all</c>, else the sum of actions); NaN where the window is absent.</summary>
    public static double[]? ReadTotals(JsonElement stats)
    {
        double[]? totals = null;
        for (var w = 0; w < TotalWindows.Count; w++)
        {
            var total = ReadTotal(stats, TotalWindows[w]);
            if (total is { } t)
            {
                totals ??= Enumerable.Repeat(double.NaN, TotalWindows.Count).ToArray();
                totals[w] = t;
            }
        }

        return totals;
    }

    private static double? ReadTotal(JsonElement stats, string window)
    {
        if (TryNewShape(stats, window, out var block))
        {
            if (JsonNavigator.TryGet(block, "all", out var all) && JsonNavigator.ReadCount(all) is { } count)
            {
                return count;
            }
        }

        var sum = default(SumSink);
        Visit(stats, window, ref sum);
        return sum.Sum;
    }

    // Generic over a struct sink: this runs for every window of every account, so no delegate per call.
    private static void Visit<TSink>(JsonElement stats, string window, ref TSink sink)
        where TSink : struct, ICountSink
    {
        if (TryNewShape(stats, window, out var block)
            && JsonNavigator.TryGet(block, "actions", out var actions)
            && actions.ValueKind == JsonValueKind.Object)
        {
            foreach (var action in actions.EnumerateObject())
            {
                sink.Add(action.Name, JsonNavigator.ReadCount(action.Value) ?? 0);
            }

            return;
        }

        if (JsonNavigator.TryGet(stats, window, out var old)
            && JsonNavigator.TryGet(old, "activities", out var list)
            && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (JsonNavigator.TryGet(item, "name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    var count = JsonNavigator.TryGet(item, "current", out var current) ? JsonNavigator.ReadCount(current) : null;
                    sink.Add(name.GetString()!, count ?? 0);
                }
            }
        }
    }

    private static bool TryNewShape(JsonElement stats, string window, out JsonElement block)
    {
        block = default;
        return JsonNavigator.TryGet(stats, "activities", out var activities)
            && activities.ValueKind == JsonValueKind.Object
            && JsonNavigator.TryGet(activities, window, out block)
            && block.ValueKind == JsonValueKind.Object;
    }

    private interface ICountSink
    {
        void Add(string name, double count);
    }

    private struct SumSink : ICountSink
    {
        public double? Sum { get; private set; }

        public void Add(string name, double count) => Sum = (Sum ?? 0) + count;
    }

    private readonly struct PivotSink(ActivityReader reader, int window) : ICountSink
    {
        public void Add(string name, double count)
        {
            var id = reader._index.IdOf(name);
            if (id < 0)
            {
                return;
            }

            if (!reader._scratch.TryGetValue(id, out var counts))
            {
                counts = new double[reader._windows.Count];
                reader._scratch.Add(id, counts);
            }

            counts[window] += count;
        }
    }
}
