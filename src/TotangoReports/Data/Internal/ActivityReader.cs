using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Reads activity counts from every shape the API is known to send, with identical results:
/// <c>stats.activities.&lt;window&gt;.actions = {name: count}</c> (the vendor page),
/// <c>stats.activities.&lt;window&gt;.activities = [{name, current}]</c> (what the vendor's
/// accountsRecentActivity.php reads), and <c>stats.&lt;window&gt;.activities = [{name, current}]</c> (what an earlier
/// version of our contract wrongly said the scripts read; old snapshots carry it). Counts may be numbers or strings.
/// For a window the first shape present wins. Names differing only in case are summed, as the script matches them.
/// Windows are whatever the definition asks for; nothing here limits them to a fixed list.
/// </summary>
internal sealed class ActivityReader(ActivityIndex index, IReadOnlyList<string> pivotWindows)
{
    private readonly ActivityIndex _index = index;
    private readonly IReadOnlyList<string> _windows = pivotWindows;

    private static readonly IReadOnlyList<string> TotalWindows = ActivitiesDefinition.KnownWindows;

    // Reused per account: id → counts per pivot window.
    private readonly Dictionary<int, double[]> _scratch = [];

    // What any account carried so far, for the "path no account has" warning: cheap flags, set as counts are read.
    private readonly bool[] _windowSeen = new bool[pivotWindows.Count];
    private readonly HashSet<int> _activitySeen = [];

    public IReadOnlyList<string> PivotWindows => _windows;

    /// <summary>The pivot windows some account so far had in any shape, in the definition's order.</summary>
    public IEnumerable<string> SeenWindows => _windows.Where((_, w) => _windowSeen[w]);

    /// <summary>Whether some account so far had activity <paramref name="id"/> in a pivot window.</summary>
    public bool SeenActivity(int id) => _activitySeen.Contains(id);

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
            _windowSeen[w] |= Visit(stats, _windows[w], ref sink);
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
    // Returns whether the window was present in any shape.
    private static bool Visit<TSink>(JsonElement stats, string window, ref TSink sink)
        where TSink : struct, ICountSink
    {
        if (TryNewShape(stats, window, out var block))
        {
            if (JsonNavigator.TryGet(block, "actions", out var actions) && actions.ValueKind == JsonValueKind.Object)
            {
                foreach (var action in actions.EnumerateObject())
                {
                    sink.Add(action.Name, JsonNavigator.ReadCount(action.Value) ?? 0);
                }

                return true;
            }

            if (JsonNavigator.TryGet(block, "activities", out var scripts) && scripts.ValueKind == JsonValueKind.Array)
            {
                VisitList(scripts, ref sink);
                return true;
            }
        }

        if (JsonNavigator.TryGet(stats, window, out var old)
            && JsonNavigator.TryGet(old, "activities", out var list)
            && list.ValueKind == JsonValueKind.Array)
        {
            VisitList(list, ref sink);
            return true;
        }

        return false;
    }

    /// <summary>A <c>[{name, current}]</c> list, as the scripts read it: items without a text name are skipped.</summary>
    private static void VisitList<TSink>(JsonElement list, ref TSink sink)
        where TSink : struct, ICountSink
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

            reader._activitySeen.Add(id);
            if (!reader._scratch.TryGetValue(id, out var counts))
            {
                counts = new double[reader._windows.Count];
                reader._scratch.Add(id, counts);
            }

            counts[window] += count;
        }
    }
}
