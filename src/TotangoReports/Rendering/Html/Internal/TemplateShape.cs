namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// The documented template model (templates/README.md) as shapes: which members each object has, which values are
/// lists of what. <see cref="TemplateChecker"/> checks templates against it before anything renders, so a typo is
/// an error at template:line:col instead of an empty string in an executive's mail. A test keeps it equal to what
/// <see cref="TemplateModel"/> builds.
/// </summary>
internal sealed class TemplateShape
{
    /// <summary>A value whose members are not checked: text, numbers, dates, parameters by name, aggregates by name.</summary>
    public static readonly TemplateShape Open = new("value", null, null);

    private TemplateShape(string name, IReadOnlyDictionary<string, TemplateShape>? members, TemplateShape? element)
    {
        Name = name;
        Members = members;
        Element = element;
    }

    /// <summary>How messages call it: "report", "a dataset", "a row".</summary>
    public string Name { get; }

    /// <summary>The members of an object; null when the value's members are not checked.</summary>
    public IReadOnlyDictionary<string, TemplateShape>? Members { get; }

    /// <summary>For a list: the shape of each item.</summary>
    public TemplateShape? Element { get; }

    /// <summary>The variables every template sees, beside the functions.</summary>
    public static IReadOnlyDictionary<string, TemplateShape> Globals { get; } = BuildGlobals();

    private static TemplateShape Object(string name, params (string Member, TemplateShape Shape)[] members) =>
        new(name, members.ToDictionary(m => m.Member, m => m.Shape, StringComparer.Ordinal), null);

    private static TemplateShape List(TemplateShape element) => new("a list", null, element);

    private static (string, TemplateShape) V(string member) => (member, Open);

    private static Dictionary<string, TemplateShape> BuildGlobals()
    {
        var activity = Object("a column's activity", V("name"), V("window"), V("label"));
        var column = Object("a column", V("name"), V("kind"), V("format"), V("is_number"), ("activity", activity));
        var cell = Object("a cell", V("value"), V("text"), V("kind"), V("sort"), V("sparkline"));
        var row = Object("a row", V("account_id"), ("cells", List(cell)), V("values"));
        var groupRow = Object("a group row", V("key"), V("label"), V("count"), ("values", List(Open)), ("texts", List(Open)), V("aggregates"));
        var groups = Object("dataset.groups", V("by"), ("aggregates", List(Open)), ("rows", List(groupRow)));
        var health = Object("a health count", V("label"), V("count"));
        var kpi = Object("a KPI", V("key"), V("label"), V("value"), V("text"), V("format"), V("tone"), V("compare_text"), V("compare_direction"), V("compare_tone"));
        var summary = Object("dataset.summary", V("accounts"), V("average_score"), ("health", List(health)), ("kpis", List(kpi)));
        var reportSummary = Object("summary", V("dataset"), V("rows"), ("kpis", List(kpi)));
        var user = Object("a user", V("account_id"), V("account_name"), V("user"), V("first_usage"), V("last_usage"), V("days_since_last_usage"));
        var change = Object("a lifecycle change", V("account_id"), V("account_name"), V("status"), V("changed"), V("days_in_status"));
        var dataset = Object(
            "a dataset",
            V("name"),
            ("columns", List(column)),
            ("rows", List(row)),
            V("row_count"),
            V("row_limit"),
            V("more_rows"),
            V("more_rows_text"),
            V("account_count"),
            V("total_items"),
            V("complete"),
            ("gaps", List(Open)),
            ("groups", groups),
            ("summary", summary),
            ("users", List(user)),
            ("lifecycle", List(change)));
        var report = Object("report", V("title"), V("description"), V("generated_at"), V("generated_at_iso"), V("timezone"), V("utc_offset"), V("params"), ("warnings", List(Open)));
        var chart = Object("a chart", V("key"), V("title"), ("labels", List(Open)), ("values", List(Open)), V("cid"), V("width"), V("height"), V("html"));
        return new Dictionary<string, TemplateShape>(StringComparer.Ordinal)
        {
            ["report"] = report,
            ["dataset"] = dataset,
            ["datasets"] = List(dataset),
            ["summary"] = reportSummary,
            ["charts"] = List(chart),
            ["burst"] = Object("burst", V("value")),
        };
    }
}
