namespace TotangoReports.Rendering.Html.Internal;

/// <summary>One cell as templates see it: <c>value</c>, <c>text</c>, <c>kind</c>, <c>sort</c>.</summary>
internal sealed class CellModel(object? raw, ColumnModel column, TimeZoneInfo timeZone) : ReadOnlyModel
{
    private static readonly string[] Names = ["value", "text", "kind", "sort", "sparkline"];
    private string? _text;
    private string? _sort;

    public override IReadOnlyList<string> Keys => Names;

    protected override bool TryGet(string member, out object? value)
    {
        switch (member)
        {
            case "value":
                value = TemplateValues.ToModel(raw, timeZone);
                return true;
            case "text":
                value = _text ??= TemplateValues.FormatCell(raw, column.Column.Kind, column.Format, timeZone);
                return true;
            case "kind":
                value = column.KindName;
                return true;
            case "sort":
                value = _sort ??= TemplateValues.SortKey(raw, timeZone);
                return true;
            case "sparkline":
                // A trend: column's cell as a small inline SVG line; null for every other column.
                value = column.Column.Trend ? Sparkline.ForCell(raw, column.Column.Format, column.SvgTrends) : null;
                return true;
            default:
                value = null;
                return false;
        }
    }
}
