using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>A column read straight from the record. <see cref="Path"/> is null when the path can't be parsed (cells stay empty).</summary>
internal sealed record PathColumn(string Name, RecordPath? Path, ColumnType Type)
{
    /// <summary>Present for <see cref="ColumnType.Auto"/> columns, whose kind is decided by the data.</summary>
    public AutoColumn? Auto { get; } = Type == ColumnType.Auto ? new AutoColumn(numericStringsCount: true) : null;
}
