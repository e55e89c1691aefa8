namespace TotangoReports.Data;

/// <summary>A column of a rendered table.</summary>
/// <param name="Name">The header, exactly as defined.</param>
/// <param name="Kind">The type of every non-null value in this column.</param>
/// <param name="Format">Excel-style format (<c>0</c>, <c>0%</c>, <c>#,##0.00</c>, <c>yyyy-mm-dd</c>), or null for the kind's default.</param>
/// <param name="Activity">For activity-pivot columns, the activity name and API window; null otherwise.</param>
public sealed record TableColumn(string Name, CellKind Kind, string? Format = null, ActivityColumn? Activity = null)
{
    /// <summary>
    /// A <c>trend:</c> column: its text cells are <c>a;b;c</c> (raw invariant numbers, oldest first, empty for a week
    /// without one), which the PDF, HTML and XLSX draw as a sparkline and the CSV writes as they are.
    /// </summary>
    internal bool Trend { get; init; }
}

/// <summary>Marks a pivot column: <paramref name="Name"/> performed in <paramref name="Window"/> (e.g. <c>past_30d</c>).</summary>
public sealed record ActivityColumn(string Name, string Window);
