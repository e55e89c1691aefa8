using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>What every cell of a column shares: its kind's name and the .NET format its values print with.</summary>
internal sealed class ColumnModel
{
    public ColumnModel(TableColumn column)
    {
        Column = column;
        KindName = column.Trend ? "trend" : column.Kind switch
        {
            CellKind.Number => "number",
            CellKind.Date => "date",
            CellKind.DateTime => "datetime",
            _ => "text",
        };
        Format = column.Kind switch
        {
            CellKind.Number => string.IsNullOrEmpty(column.Format) ? TemplateValues.DefaultNumberFormat : column.Format,
            CellKind.Date => string.IsNullOrEmpty(column.Format) ? TemplateValues.DefaultDateFormat : ExcelFormats.DateToDotNet(column.Format),
            CellKind.DateTime => string.IsNullOrEmpty(column.Format) ? TemplateValues.DefaultDateTimeFormat : ExcelFormats.DateToDotNet(column.Format),
            _ => null,
        };
    }

    public TableColumn Column { get; }

    /// <summary>Draw a trend cell as inline SVG (a saved page), or as block characters (a mail: clients drop SVG).</summary>
    public bool SvgTrends { get; init; } = true;

    public string KindName { get; }

    public string? Format { get; }
}
