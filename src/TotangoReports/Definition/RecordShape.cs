using TotangoReports.Definition.Internal;

namespace TotangoReports.Definition;

/// <summary>
/// The known shape of one account record of the Data API (docs/totango-data-api.md), so a path that can never exist
/// (<c>engagment.score</c>) is caught when the definition is validated rather than yielding empty cells forever.
/// Free-form parts (<c>attributes</c>, <c>modules</c>, <c>actions</c>) accept any key below them. Every shape seen in
/// the wild is known: the vendor page's, the one the vendor's PHP scripts read
/// (<c>stats.activities.&lt;window&gt;.activities[i].{name, current}</c>, top-level <c>frequency.current</c>) and the one
/// an earlier contract described (<c>stats.&lt;window&gt;.activities</c>); windows are the known ones or any
/// <c>past_&lt;N&gt;d</c>. Whether a known path is present in the data is a run-time matter.
/// </summary>
internal static class RecordShape
{
    private static readonly ShapeNode Root = Build();

    /// <summary>The API <c>return</c> value a path needs: <c>stats.*</c> → Stats, <c>users</c> → Users, <c>lifecycle</c> → Lifecycle, else Summary.</summary>
    public static ReturnType RequiredReturnType(RecordPath path) =>
        path.Segments[0].Name switch
        {
            "stats" or "frequency" => ReturnType.Stats,
            "users" => ReturnType.Users,
            "lifecycle" => ReturnType.Lifecycle,
            _ => ReturnType.Summary,
        };

    /// <summary>
    /// Whether <paramref name="path"/> can exist in some account record. When it can't, <paramref name="problem"/>
    /// says why (with a "did you mean" hint when one is close) and <paramref name="segmentIndex"/> is the first
    /// segment at fault.
    /// </summary>
    public static bool IsKnown(RecordPath path, out string? problem, out int segmentIndex)
    {
        var shape = Root;
        var where = "an account record";
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            segmentIndex = i;
            switch (shape.Kind)
            {
                case ShapeKind.Free:
                    problem = null;
                    return true;
                case ShapeKind.Value:
                    problem = $"{where} is a single value, it has nothing below it";
                    return false;
                case ShapeKind.List when segment.IsIndex:
                    shape = shape.Item!;
                    where = $"an item of {where}";
                    continue;
                case ShapeKind.List:
                    problem = $"{where} is a list: pick an item by index, e.g. [0]";
                    return false;
                case ShapeKind.Object when segment.IsIndex:
                    problem = $"{where} is not a list, it can't be indexed with [{segment.Index}]";
                    return false;
                default:
                    if (shape.Child(segment.Name!) is not { } child)
                    {
                        problem = $"'{segment.Name}' is not a key of {where}{Suggestions.Hint(segment.Name!, shape.Children.Keys)}" +
                            (Suggestions.Closest(segment.Name!, shape.Children.Keys) is null ? $" (known keys: {string.Join(", ", shape.Children.Keys)})" : string.Empty);
                        return false;
                    }

                    shape = child;
                    where = $"'{string.Join('.', path.Segments.Take(i + 1).Select(s => s.Name ?? $"[{s.Index}]"))}'";
                    break;
            }
        }

        segmentIndex = -1;
        problem = null;
        return true;
    }

    private static ShapeNode Build()
    {
        var windows = ActivitiesDefinition.KnownWindows;
        var usersWindow = ShapeNode.Object(("all", ShapeNode.Value), ("modules", ShapeNode.Free));
        var activityList = ShapeNode.ListOf(ShapeNode.Object(("name", ShapeNode.Value), ("current", ShapeNode.Value)));

        // The page's actions map, and the scripts' [{name, current}] list beside it.
        var activitiesWindow = ShapeNode.Object(
            ("all", ShapeNode.Value), ("actions", ShapeNode.Free), ("modules", ShapeNode.Free), ("activities", activityList));

        // What an earlier contract said the scripts read, stats.<window>.activities: old snapshots still carry it.
        var legacyWindow = ShapeNode.Object(
            ("activities", activityList),
            ("frequency", ShapeNode.Object(("current", ShapeNode.Value))));
        var stats = new List<(string, ShapeNode)>
        {
            ("users", ShapeNode.ObjectOf(windows, usersWindow, ActivitiesDefinition.IsWindowName)),
            ("activities", ShapeNode.ObjectOf(windows, activitiesWindow, ActivitiesDefinition.IsWindowName)),
            ("last_activity", ShapeNode.Value),
            ("first_activity", ShapeNode.Value),
        };
        stats.AddRange(windows.Select(w => (w, legacyWindow)));

        return ShapeNode.Object(
            ("account_id", ShapeNode.Value),
            ("name", ShapeNode.Value),
            ("status", ShapeNode.Object(("current", ShapeNode.Value), ("changed", ShapeNode.Value))),
            ("foreign_id", ShapeNode.Value),
            ("SF_id", ShapeNode.Value),
            ("engagement", ShapeNode.Object(
                ("score", ShapeNode.Object(("change", ShapeNode.Value), ("current", ShapeNode.Value))),
                ("health", ShapeNode.Object(
                    ("current", ShapeNode.Value),
                    ("previous", ShapeNode.Value),
                    ("reason", ShapeNode.Value),
                    ("last_changed", ShapeNode.Value))))),
            ("attributes", ShapeNode.Free),

            // accountsEngagement.php reads the visit frequency here, at the top level.
            ("frequency", ShapeNode.Object(("current", ShapeNode.Value))),
            // A Search API hit's selected fields, by the names the definition gave them.
            ("fields", ShapeNode.Free),
            ("last_activity_time", ShapeNode.Value),
            ("first_activity_time", ShapeNode.Value),

            // A Search API user (user_id, its parent account) or timeline event (event_id, timestamp, type, contents).
            ("user_id", ShapeNode.Value),
            ("account_name", ShapeNode.Value),
            ("account", ShapeNode.Free),
            ("event_id", ShapeNode.Value),
            ("timestamp", ShapeNode.Value),
            ("type", ShapeNode.Value),
            ("properties", ShapeNode.Free),
            ("note_content", ShapeNode.Free),
            ("alert_content", ShapeNode.Free),
            ("task_content", ShapeNode.Free),
            ("stats", ShapeNode.Object([.. stats])),
            ("users", ShapeNode.ListOf(ShapeNode.Object(
                ("name", ShapeNode.Value), ("first_usage", ShapeNode.Value), ("last_usage", ShapeNode.Value)))),
            ("lifecycle", ShapeNode.Object(
                ("current", ShapeNode.Value),
                ("changed", ShapeNode.Value),
                ("history", ShapeNode.ListOf(ShapeNode.Object(("status", ShapeNode.Value), ("changed", ShapeNode.Value)))))));
    }
}
