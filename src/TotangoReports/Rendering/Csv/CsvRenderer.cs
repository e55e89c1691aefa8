using System.Globalization;
using CsvHelper;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Csv.Internal;

namespace TotangoReports.Rendering.Csv;

/// <summary>
/// Writes one dataset as RFC 4180 CSV (UTF-8, header = column names). Numbers are raw (invariant, no thousands
/// separators, whatever the column's format); dates and date-times follow the column's Excel-style <c>format</c>
/// when it has one, else <c>yyyy-MM-dd</c> and <c>yyyy-MM-dd HH:mm:ss</c> in the report's time zone (which
/// spreadsheets read as dates, where ISO 8601 with an offset stays text). Text that a spreadsheet would run as a
/// formula is neutralised (see <see cref="CsvRendererOptions.NeutraliseFormulas"/>).
/// </summary>
public sealed class CsvRenderer : IReportRenderer
{
    private readonly CsvRendererOptions _options;

    public CsvRenderer(CsvRendererOptions? options = null)
    {
        _options = options ?? new CsvRendererOptions();
        _options.Validate();
    }

    public OutputFormat Format => OutputFormat.Csv;

    public async Task RenderAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken)
    {
        var table = CsvDatasetSelector.Select(report, output);
        var writerOptions = new CsvWriterOptions
        {
            NewLine = _options.NewLine,
            WriteByteOrderMark = _options.WriteByteOrderMark,
            Injection = _options.NeutraliseFormulas ? CsvInjection.Escape : CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        };

        await using var csv = CsvWriter.Create(destination, writerOptions, leaveOpen: true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(cancellationToken);
        var dateFormats = CsvDates.FormatsOf(table.Columns);
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                WriteCell(csv, i < row.Values.Count ? row.Values[i] : null, report.TimeZone, dateFormats[i]);
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteCell(CsvWriter csv, object? value, TimeZoneInfo zone, string? dateFormat)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string text:
                csv.WriteField(text);
                break;
            case double number when !double.IsFinite(number):
                // NaN/∞ have no spreadsheet meaning; an empty cell is more honest than the text "NaN".
                csv.WriteField((string?)null);
                break;
            case double number:
                csv.WriteField(number, CsvNumbers.FormatFor(number));
                break;
            case DateOnly date:
                csv.WriteField(date, dateFormat ?? CsvDates.DefaultDate);
                break;
            case DateTimeOffset moment:
                csv.WriteField(TimeZoneInfo.ConvertTime(moment, zone).DateTime, dateFormat ?? CsvDates.DefaultDateTime);
                break;
            case bool flag:
                csv.WriteField(flag);
                break;
            case IFormattable formattable:
                csv.WriteField(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                csv.WriteField(value.ToString());
                break;
        }
    }
}
