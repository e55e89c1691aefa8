using Scriban.Runtime;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>One table row as templates see it: <c>account_id</c>, <c>cells</c> (in column order), <c>values</c> (by column name).</summary>
internal sealed class RowModel(TableRow row, IReadOnlyList<ColumnModel> columns, TimeZoneInfo timeZone) : ReadOnlyModel
{
    private static readonly string[] Names = ["account_id", "cells", "values"];
    private ScriptArray? _cells;
    private ScriptObject? _values;

    public override IReadOnlyList<string> Keys => Names;

    protected override bool TryGet(string member, out object? value)
    {
        switch (member)
        {
            case "account_id":
                value = row.AccountId;
                return true;
            case "cells":
                value = _cells ??= Cells();
                return true;
            case "values":
                value = _values ??= Values();
                return true;
            default:
                value = null;
                return false;
        }
    }

    private ScriptArray Cells()
    {
        var cells = new ScriptArray(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            cells.Add(new CellModel(Raw(i), columns[i], timeZone));
        }

        return cells;
    }

    private ScriptObject Values()
    {
        var values = new ScriptObject(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            values[columns[i].Column.Name] = TemplateValues.ToModel(Raw(i), timeZone);
        }

        return values;
    }

    private object? Raw(int column) => column < row.Values.Count ? row.Values[column] : null;
}
