using System.Text.Json;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Projects one record into a <see cref="ProjectedAccount"/>. A dataset fetched with several return types sees each
/// account once per type: every record fills in only what the account doesn't have yet.
/// </summary>
internal sealed class AccountProjector(
    IReadOnlyList<PathColumn> columns,
    AccountChains chains,
    ActivityReader? pivot,
    TimeZoneInfo zone,
    ProblemLog problems)
{
    private readonly TextPool _pool = new();

    public void Project(JsonElement record, ProjectedAccount target)
    {
        ReadFacts(record, target);
        ReadCells(record, target);
        if (!chains.IsEmpty)
        {
            ReadLeaves(record, target);
        }

        if (JsonNavigator.TryGet(record, "stats", out var stats) && stats.ValueKind == JsonValueKind.Object)
        {
            if (pivot?.ReadPivot(stats) is { } counts)
            {
                target.Activities = target.Activities is null ? counts : target.Activities.MergeMissing(counts);
            }

            target.Totals ??= ActivityReader.ReadTotals(stats);
        }

        if (target.Users is null && JsonNavigator.TryGet(record, "users", out var users) && users.ValueKind == JsonValueKind.Array)
        {
            target.Users = ReadUsers(users);
        }

        if (target.Lifecycle is null && JsonNavigator.TryGet(record, "lifecycle", out var lifecycle) && lifecycle.ValueKind == JsonValueKind.Object)
        {
            target.Lifecycle = ReadLifecycle(lifecycle);
        }
    }

    private void ReadFacts(JsonElement record, ProjectedAccount target)
    {
        if (target.Name is null && JsonNavigator.TryGet(record, "name", out var name))
        {
            target.Name = JsonNavigator.ReadText(name);
        }

        if (!JsonNavigator.TryGet(record, "engagement", out var engagement))
        {
            return;
        }

        if (target.Score is null && JsonNavigator.TryGet(engagement, "score", out var score) && JsonNavigator.TryGet(score, "current", out var current))
        {
            target.Score = JsonNavigator.ReadCount(current);
        }

        if (target.Health is null && JsonNavigator.TryGet(engagement, "health", out var health) && JsonNavigator.TryGet(health, "current", out var state))
        {
            target.Health = (string?)_pool.Share(JsonNavigator.ReadText(state));
        }
    }

    private void ReadCells(JsonElement record, ProjectedAccount target)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (target.Cells[i] is not null || column.Path is null || !JsonNavigator.TryGet(record, column.Path.Segments, out var value))
            {
                continue;
            }

            var cell = CellReader.FromJson(value, column.Type, zone, out var failed);
            if (failed)
            {
                problems.Add(
                    $"column '{column.Name}'",
                    $"{ProblemLog.Shorten(JsonNavigator.ReadText(value))} is not a {column.Type.ToString().ToLowerInvariant()}",
                    target.Id,
                    "those cells are empty");
            }

            column.Auto?.Observe(cell);
            target.Cells[i] = SameAsFact(cell, target) ?? _pool.Share(cell);
        }
    }

    /// <summary>
    /// The account's own id or name string when a column reads the same text (most definitions show both): 100,000
    /// accounts would otherwise hold each twice.
    /// </summary>
    private static string? SameAsFact(object? cell, ProjectedAccount target) => cell is string text
        ? string.Equals(text, target.Id, StringComparison.Ordinal) ? target.Id : string.Equals(text, target.Name, StringComparison.Ordinal) ? target.Name : null
        : null;

    private void ReadLeaves(JsonElement record, ProjectedAccount target)
    {
        if (chains.Whole)
        {
            target.Leaves ??= new object?[1];
            target.Leaves[0] = ScriptValues.Merge(target.Leaves[0], ScriptValues.FromJson(record));
            return;
        }

        target.Leaves ??= new object?[chains.Chains.Count];
        for (var i = 0; i < chains.Chains.Count; i++)
        {
            if (TryWalk(record, chains.Chains[i], out var value))
            {
                target.Leaves[i] = ScriptValues.Merge(target.Leaves[i], _pool.Share(ScriptValues.FromJson(value)));
            }
        }
    }

    private static bool TryWalk(JsonElement record, string[] chain, out JsonElement value)
    {
        value = record;
        foreach (var key in chain)
        {
            if (!JsonNavigator.TryGet(value, key, out value))
            {
                return false;
            }
        }

        return true;
    }

    private static UserEntry[] ReadUsers(JsonElement users)
    {
        var result = new List<UserEntry>(users.GetArrayLength());
        foreach (var user in users.EnumerateArray())
        {
            var name = JsonNavigator.TryGet(user, "name", out var n) ? JsonNavigator.ReadText(n) : null;
            var first = JsonNavigator.TryGet(user, "first_usage", out var f) ? JsonNavigator.ReadUnixMilliseconds(f) : null;
            var last = JsonNavigator.TryGet(user, "last_usage", out var l) ? JsonNavigator.ReadUnixMilliseconds(l) : null;
            result.Add(new UserEntry(name ?? string.Empty, first, last));
        }

        return [.. result];
    }

    private static StatusEntry[] ReadLifecycle(JsonElement lifecycle)
    {
        var entries = new List<StatusEntry>();
        if (JsonNavigator.TryGet(lifecycle, "history", out var history) && history.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in history.EnumerateArray())
            {
                if (JsonNavigator.TryGet(item, "status", out var status) && JsonNavigator.ReadText(status) is { } text)
                {
                    var changed = JsonNavigator.TryGet(item, "changed", out var c) ? JsonNavigator.ReadUnixMilliseconds(c) : null;
                    entries.Add(new StatusEntry(text, changed));
                }
            }
        }

        if (JsonNavigator.TryGet(lifecycle, "current", out var current) && JsonNavigator.ReadText(current) is { } now)
        {
            var changed = JsonNavigator.TryGet(lifecycle, "changed", out var c) ? JsonNavigator.ReadUnixMilliseconds(c) : null;
            var entry = new StatusEntry(now, changed);
            // Some records repeat the current status as the last history entry.
            if (entries.Count == 0 || entries[^1] != entry)
            {
                entries.Add(entry);
            }
        }

        // Stable: entries without a time keep their place relative to each other.
        return [.. entries.Select((e, i) => (e, i)).OrderBy(x => x.e.Changed ?? long.MinValue).ThenBy(x => x.i).Select(x => x.e)];
    }
}
