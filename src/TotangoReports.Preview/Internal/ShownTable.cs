namespace TotangoReports.Preview.Internal;

/// <summary>A cell as the reader sees it: its formatted text and the few styles that carry meaning.</summary>
internal sealed record ShownCell(string Text, bool Bold = false, string? Background = null, bool Numeric = false);

/// <summary>A table the page shows: a sheet of the workbook or the CSV's first rows.</summary>
internal sealed record ShownTable(string Name, IReadOnlyList<IReadOnlyList<ShownCell>> Rows, int TotalRows);
