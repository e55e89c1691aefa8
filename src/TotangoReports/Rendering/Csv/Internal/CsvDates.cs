using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Csv.Internal;

/// <summary>
/// The .NET format of each column's dates: the column's Excel-style <c>format</c> (the same one the XLSX, PDF and
/// HTML outputs use, so <c>mm/dd/yy hh:mm</c> gives the vendor script's <c>11/23/26 08:30</c>), else the defaults.
/// Number formats are ignored here on purpose: a CSV is read by programs, so numbers stay raw.
/// </summary>
internal static class CsvDates
{
    /// <summary>A date column without a format.</summary>
    public const string DefaultDate = "yyyy-MM-dd";

    /// <summary>A date-time column without a format, in the report's time zone: what spreadsheets read as a date.</summary>
    public const string DefaultDateTime = "yyyy-MM-dd HH:mm:ss";

    /// <summary>For each column, the .NET format of its dates and date-times, or null for the defaults.</summary>
    public static string?[] FormatsOf(IReadOnlyList<TableColumn> columns)
    {
        var formats = new string?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var format = columns[i].Format;
            if (!string.IsNullOrWhiteSpace(format) && !ExcelFormats.IsNumberFormat(format))
            {
                formats[i] = ExcelFormats.DateToDotNet(format);
            }
        }

        return formats;
    }
}
