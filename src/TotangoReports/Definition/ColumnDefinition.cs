namespace TotangoReports.Definition;

/// <summary>How a column's values are typed.</summary>
public enum ColumnType
{
    /// <summary>Numbers stay numbers (also when the API sends them as strings), everything else is text.</summary>
    Auto,
    /// <summary>Always text.</summary>
    Text,
    /// <summary>Numbers; text that is no number stays empty.</summary>
    Number,
    /// <summary>A calendar date: ISO text (<c>2026-04-22</c>) or unix milliseconds.</summary>
    Date,
    /// <summary>A point in time from unix milliseconds, shown in the report's time zone.</summary>
    DateTime,
}

/// <summary>A column: exactly one of <see cref="Path"/>, <see cref="Expr"/> and a lookup.</summary>
public sealed class ColumnDefinition
{
    /// <summary>Column header.</summary>
    public required string Name { get; init; }

    /// <summary>A record path (<c>attributes.Region</c>), or null when <see cref="Expr"/> is set.</summary>
    public string? Path { get; init; }

    /// <summary>A Scriban expression, or null when <see cref="Path"/> is set.</summary>
    public string? Expr { get; init; }

    /// <summary>
    /// <c>lookup: dataset.column</c>: the value of that column in the other dataset's row with the same account id
    /// (empty when it has none), or null.
    /// </summary>
    internal LookupReference? Lookup { get; init; }

    /// <summary><c>change</c>/<c>previous</c>/<c>trend: C, over: 7d</c>: read from the history store, or null.</summary>
    internal HistoryReference? History { get; init; }

    /// <summary>How values are typed. Default <see cref="ColumnType.Auto"/>.</summary>
    public ColumnType Type { get; init; } = ColumnType.Auto;

    /// <summary>Excel-style number or date format (<c>0</c>, <c>0%</c>, <c>#,##0.00</c>, <c>yyyy-mm-dd</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}
