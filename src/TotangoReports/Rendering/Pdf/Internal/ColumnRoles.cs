using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// What a column is to the table layout. Numbers, dates and ids are read as one token: split over two lines,
/// "2,201" reads as "2,2" and "01", so their cells never wrap. Ids and names are the key columns repeated on every
/// page when a wide table is carried across pages.
/// </summary>
internal static class ColumnRoles
{
    public static bool IsUnbreakable(TableColumn column) =>
        column.Kind is CellKind.Number or CellKind.Date or CellKind.DateTime || IsId(column.Name);

    public static bool IsKey(TableColumn column) => IsId(column.Name) || EndsWithWord(column.Name, "name");

    /// <summary>"id", "account-id", "account_id", "Account Id", "accountId".</summary>
    public static bool IsId(string name) =>
        EndsWithWord(name, "id") || (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(name[^3]));

    private static bool EndsWithWord(string name, string word)
    {
        var trimmed = name.Trim();
        if (!trimmed.EndsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return trimmed.Length == word.Length || trimmed[^(word.Length + 1)] is '-' or '_' or ' ' or '.';
    }
}
