using System.Globalization;
using CsvHelper;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Csv.Internal;

namespace TotangoReports.Rendering.Csv;

/// <summary>
/// Writes one dataset as RFC 4180 CSV (UTF-8, header = column names). Numbers are invariant without thousands
/// separators, dates ISO <c>yyyy-MM-dd</c>, date-times ISO 8601 with the report zone's offset; text that a
/// spreadsheet would run as a formula is neutralised (see <see cref="CsvRendererOptions.NeutraliseFormulas"/>).
/// </summary>
internal sealed class CsvRenderer : IReportRenderer
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFzzz";

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

        var csv = CsvWriter.Create(destination, writerOptions, leaveOpen: true);
        await using var csvDisposal = csv.ConfigureAwait(false);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                WriteCell(csv, i < row.Values.Count ? row.Values[i] : null, report.TimeZone);
            }

            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteCell(CsvWriter csv, object? value, TimeZoneInfo zone)
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
                csv.WriteField(date, DateFormat);
                break;
            case DateTimeOffset moment:
                csv.WriteField(TimeZoneInfo.ConvertTime(moment, zone), DateTimeFormat);
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
