using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Decides an <see cref="ColumnType.Auto"/> column's kind once all its cells are known: Number when every non-empty
/// cell is a number (or, for values read from the record, a numeric string like <c>"90"</c>, but not an integer above
/// 2^53, which only text holds exactly), otherwise Text.
/// </summary>
internal sealed class AutoColumn(bool numericStringsCount)
{
    public bool AllNumeric { get; private set; } = true;

    public void Observe(object? cell)
    {
        if (AllNumeric && cell is not (null or double))
        {
            // Digits a double can't hold exactly are an id, not a quantity: the column stays text so they stay exact.
            AllNumeric = numericStringsCount && cell is string text && NumberText.TryParse(text, out _) && !NumberText.IsInexactInteger(text);
        }
    }

    public CellKind Kind => AllNumeric ? CellKind.Number : CellKind.Text;

    /// <summary>The cell as the decided kind: numeric strings parsed, or numbers written as text.</summary>
    public object? Finish(object? cell) => cell switch
    {
        null => null,
        string text when AllNumeric => NumberText.TryParse(text, out var d) ? Boxes.Of(d) : null,
        double d when !AllNumeric => NumberText.Format(d),
        _ => cell,
    };

    public static CellKind KindOf(ColumnType type) => type switch
    {
        ColumnType.Number => CellKind.Number,
        ColumnType.Date => CellKind.Date,
        ColumnType.DateTime => CellKind.DateTime,
        _ => CellKind.Text,
    };
}
