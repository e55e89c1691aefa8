using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using TotangoReports.Data;
using TotangoReports.Data.History;

namespace TotangoReports.Store.Internal;

/// <summary>
/// <c>history export</c>: one file per dataset per snapshot, Hive-partitioned by snapshot date
/// (<c>DIR/&lt;dataset&gt;/snapshot_date=YYYY-MM-DD/part-0.parquet</c>), so DuckDB, Spark and Trino read the whole
/// history as one table. Columns: <c>account_id</c>, <c>snapshot_time</c> (UTC), <c>shown</c>, then the recorded
/// columns typed (text, double, date, UTC timestamp).
/// </summary>
internal static class HistoryExport
{
    public static async Task<IReadOnlyList<string>> RunAsync(SqlReportStore store, string definitionKey, string format, string directory, CancellationToken cancellationToken)
    {
        var parquet = format switch
        {
            "parquet" => true,
            "csv" => false,
            _ => throw new ArgumentException($"--format {format}: use csv or parquet", nameof(format)),
        };
        var written = new List<string>();
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var info in await store.ListAsync(definitionKey, cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await store.ReadWholeAsync(definitionKey, info.Dataset, info.TakenAt, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                continue;
            }

            // Two snapshots on one day (a re-run) are two parts of that day's partition.
            var folder = Path.Combine(directory, SafeName(info.Dataset), "snapshot_date=" + info.TakenAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var part = parts[folder] = parts.GetValueOrDefault(folder, -1) + 1;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{part}.{format}"));
            if (parquet)
            {
                await WriteParquetAsync(snapshot, path, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteCsvAsync(snapshot, path, cancellationToken).ConfigureAwait(false);
            }

            written.Add(path);
        }

        return written;
    }

    private static async Task WriteParquetAsync(HistorySnapshot snapshot, string path, CancellationToken cancellationToken)
    {
        var id = new DataField<string>("account_id");
        var time = new DateTimeDataField("snapshot_time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);
        var shown = new DataField<bool>("shown");
        var fields = snapshot.Columns.Select(Field).ToList();
        var schema = new ParquetSchema([id, time, shown, .. fields]);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var writerDisposal = writer.ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            var rows = Enumerable.Range(0, snapshot.Count).ToArray();
            await group.WriteAsync(id, [.. rows.Select(snapshot.AccountId)]).ConfigureAwait(false);
            var at = snapshot.TakenAt.UtcDateTime;
            await group.WriteAsync<DateTime>(time, rows.Select(_ => at).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<bool>(shown, rows.Select(snapshot.IsShown).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var c = 0; c < fields.Count; c++)
            {
                var column = c;
                switch (snapshot.Columns[c].Kind)
                {
                    case CellKind.Number:
                        await group.WriteAsync<double>(fields[c], rows.Select(r => snapshot.Cell(r, column) as double?).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case CellKind.Date:
                        await group.WriteAsync<DateOnly>(fields[c], rows.Select(r => snapshot.Cell(r, column) as DateOnly?).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case CellKind.DateTime:
                        await group.WriteAsync<DateTime>(fields[c], rows.Select(r => (snapshot.Cell(r, column) as DateTimeOffset?)?.UtcDateTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await group.WriteAsync(fields[c], [.. rows.Select(r => Text(snapshot.Cell(r, column)))]).ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    private static DataField Field(TableColumn column) => column.Kind switch
    {
        CellKind.Number => new DataField<double?>(column.Name),
        CellKind.Date => new DataField<DateOnly?>(column.Name),
        CellKind.DateTime => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true),
        _ => new DataField<string>(column.Name),
    };

    private static async Task WriteCsvAsync(HistorySnapshot snapshot, string path, CancellationToken cancellationToken)
    {
        // RFC 4180 quoting by CsvHelper: CRLF, a field quoted only when it holds a comma, a quote, CR or LF. Values stay
        // raw (no formula neutralising): this file is for a warehouse, not a spreadsheet.
        var options = new CsvWriterOptions { Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture };
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var csv = CsvWriter.Create(stream, options, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                csv.WriteField("account_id");
                csv.WriteField("snapshot_time");
                csv.WriteField("shown");
                foreach (var column in snapshot.Columns)
                {
                    csv.WriteField(column.Name);
                }

                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                var at = Instant(snapshot.TakenAt);
                foreach (var row in snapshot.Rows)
                {
                    csv.WriteField(row.AccountId);
                    csv.WriteField(at);
                    csv.WriteField(row.Shown ? "true" : "false");
                    foreach (var cell in row.Cells)
                    {
                        // Formatted here, not by the writer, so the text is the store's exact value (round-trip numbers, UTC).
                        csv.WriteField(Csv(cell));
                    }

                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                }

                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? Csv(object? cell) => cell switch
    {
        null => null,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => Instant(instant),
        _ => Text(cell),
    };

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(object? cell) => cell is null ? null : Convert.ToString(cell, CultureInfo.InvariantCulture);

    /// <summary>A dataset name as a folder name: letters, digits, '-' and '_' kept, anything else '_'.</summary>
    private static string SafeName(string name) =>
        string.Concat(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
}
