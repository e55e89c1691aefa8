namespace TotangoReports.Definition;

public enum ColumnType
{
    /// <summary>Numbers stay numbers (also when the API sends them as strings), everything else is text.</summary>
    Auto,
    Text,
    Number,
    /// <summary>A calendar date: ISO text (<c>2026-04-22</c>) or unix milliseconds.</summary>
    Date,
    /// <summary>A point in time from unix milliseconds, shown in the report's time zone.</summary>
    DateTime,
}

/// <summary>A column: exactly one of <see cref="Path"/> and <see cref="Expr"/>.</summary>
public sealed class ColumnDefinition
{
    public required string Name { get; init; }

    public string? Path { get; init; }

    public string? Expr { get; init; }

    public ColumnType Type { get; init; } = ColumnType.Auto;

    /// <summary>Excel-style number or date format (<c>0</c>, <c>0%</c>, <c>#,##0.00</c>, <c>yyyy-mm-dd</c>).</summary>
    public string? Format { get; init; }

    public SourceLocation Location { get; init; }
}
