using System.Globalization;

namespace TotangoReports.Data.Internal;

/// <summary>
/// How cells sort: empty last whichever the direction, numbers numerically, text ignoring case (ordinal), dates by time.
/// Values of different kinds (only possible from expressions) order numbers, then dates, then text.
/// </summary>
internal static class CellOrder
{
    public static int Compare(object? a, object? b, bool descending)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        var result = (a, b) switch
        {
            (double x, double y) => x.CompareTo(y),
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (DateOnly x, DateOnly y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            _ => Rank(a) != Rank(b) ? Rank(a).CompareTo(Rank(b)) : string.Compare(Text(a), Text(b), StringComparison.OrdinalIgnoreCase),
        };
        return descending ? -result : result;
    }

    /// <summary>An expression's result as a sortable cell: numbers as doubles, dates as instants, the rest as text.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        bool flag => flag ? "true" : "false",
        DateTime clock => new DateTimeOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), TimeSpan.Zero),
        DateTimeOffset instant => instant,
        _ when NumberText.IsClrNumber(value) => NumberText.FromClr(value),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A cell as text: group keys, and text columns fed numbers.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        string s => s,
        double d => NumberText.Format(d),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static int Rank(object value) => value switch
    {
        double => 0,
        DateOnly or DateTimeOffset => 1,
        _ => 2,
    };
}
