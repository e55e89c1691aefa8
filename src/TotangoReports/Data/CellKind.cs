namespace TotangoReports.Data;

/// <summary>
/// The type of a column's cells, and so of the CLR values in it:
/// Text → <see cref="string"/>, Number → <see cref="double"/>, Date → <see cref="DateOnly"/>,
/// DateTime → <see cref="DateTimeOffset"/> already converted to the report's time zone. An empty cell is <c>null</c>.
/// </summary>
public enum CellKind
{
    /// <summary>Text, written as a string.</summary>
    Text,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>A point in time in the report's time zone.</summary>
    DateTime,
}
