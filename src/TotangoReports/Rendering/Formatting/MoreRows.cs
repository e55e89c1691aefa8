using System.Globalization;

namespace TotangoReports.Rendering.Formatting;

/// <summary>The line under a table that an output's <c>rows: N</c> cut short; every format says it the same way.</summary>
internal static class MoreRows
{
    /// <summary>"… and 675 more rows" (one row: "… and 1 more row").</summary>
    public static string Text(int more) =>
        string.Create(CultureInfo.InvariantCulture, $"… and {more:#,##0} more {(more == 1 ? "row" : "rows")}");
}
