using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Lays out a dataset as a table. Columns are planned from their content: every column gets at least its
/// unbreakable width (numbers, dates and ids whole; the longest word of text and header) and the rest of the line
/// is shared by preference. A table wider than landscape first shrinks its type down to a floor, then carries the
/// remaining columns onto following pages with the key columns repeated. Rows are ordered into group sections with
/// subtotals and their lines counted; the shaped lines are not kept, each band's cells make them again when drawn.
/// </summary>
internal sealed class TableBuilder(TextShaper shaper, CellFormatter formatter, PdfRendererOptions options)
{
    /// <param name="rowLimit">The output's <c>rows:</c>: the first N rows in table order, then "… and M more rows".</param>
    public TableLayout Build(DatasetTable table, float portraitWidth, float landscapeWidth, int? rowLimit = null)
    {
        var columns = table.Columns;
        var count = columns.Count;
        var rows = table.Rows.Count;
        var widest = options.AllowLandscape ? Math.Max(portraitWidth, landscapeWidth) : portraitWidth;
        var measured = ColumnMeasurements.Measure(shaper, formatter, table, options.BodyFontSize, options, widest / 2);
        var landscape = options.AllowLandscape && measured.Natural.Sum() > portraitWidth;
        var available = landscape ? landscapeWidth : portraitWidth;

        // Too wide even at the minimums: smaller type first (widths scale with it, padding included), down to the floor.
        var floor = Math.Min(options.MinBodyFontSize, options.BodyFontSize);
        if (measured.Hard.Sum() > available && options.BodyFontSize > floor)
        {
            var size = Math.Max(floor, MathF.Floor(options.BodyFontSize * available / measured.Hard.Sum() * 4) / 4);
            measured = ColumnMeasurements.Measure(shaper, formatter, table, size, options, widest / 2);
        }

        var metrics = measured.Metrics;
        var keys = columns.Select(ColumnRoles.IsKey).ToArray();
        var (plan, keyCount) = ColumnBandPlanner.Plan(measured.Hard, keys, available);
        var bands = plan.Select((b, i) => Band(table, measured, b, i == 0 ? 0 : keyCount, available, stretch: plan.Count == 1)).ToList();

        var entries = new List<TableEntry>(rows + ((table.Groups?.Rows.Count ?? 0) * 2));
        var limit = Math.Min(rows, rowLimit ?? int.MaxValue);
        var shown = 0;
        if (table.Groups is { } groups)
        {
            var placed = new bool[rows];
            foreach (var group in groups.Rows)
            {
                if (shown >= limit)
                {
                    break;
                }

                var key = group.Key.Length == 0 ? "(none)" : group.Key;
                entries.Add(BandEntry(bands, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"{groups.By}: {key} · {group.RowIndexes.Count} rows")));
                var shade = false;
                foreach (var index in group.RowIndexes)
                {
                    if (index >= 0 && index < rows && shown < limit)
                    {
                        shown++;
                        entries.Add(Row(bands, measured.CellWidths, index, count, shade));
                        placed[index] = true;
                        shade = !shade;
                    }
                }

                entries.Add(BandEntry(bands, TableEntryKind.Subtotal, Subtotal(groups, group, key)));
            }

            // Rows no group claims are still shown, never silently dropped.
            var rest = Enumerable.Range(0, rows).Where(i => !placed[i]).ToList();
            if (rest.Count > 0 && shown < limit)
            {
                entries.Add(BandEntry(bands, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"Not in any group · {rest.Count} rows")));
                var shade = false;
                foreach (var index in rest.Take(limit - shown))
                {
                    entries.Add(Row(bands, measured.CellWidths, index, count, shade));
                    shade = !shade;
                }
            }
        }
        else
        {
            for (var r = 0; r < limit; r++)
            {
                entries.Add(Row(bands, measured.CellWidths, r, count, r % 2 == 1));
            }
        }

        var shownRows = entries.Count(e => e.Kind == TableEntryKind.Row);
        if (shownRows < rows)
        {
            entries.Add(BandEntry(bands, TableEntryKind.MoreRows, Formatting.MoreRows.Text(rows - shownRows)));
        }

        return new TableLayout
        {
            Name = table.Name,
            Metrics = metrics,
            Bands = bands,
            ColumnCount = count,
            Entries = entries,
            Landscape = landscape,
            ContinuedMarker = shaper.Shape("… continued on the next page", metrics.Body),
        };
    }

    /// <param name="repeated">How many leading columns repeat the keys (not counted in the band's range).</param>
    /// <param name="stretch">A table on one page fills the line; a band of a wider one keeps its natural widths.</param>
    private ColumnBand Band(DatasetTable table, ColumnMeasurements measured, int[] columns, int repeated, float available, bool stretch)
    {
        var metrics = measured.Metrics;
        var natural = columns.Select(c => measured.Natural[c]).ToArray();
        var line = stretch ? available : Math.Min(available, natural.Sum());
        var widths = ColumnSizer.Fit(natural, columns.Select(c => measured.Soft[c]).ToArray(), columns.Select(c => measured.Hard[c]).ToArray(), line);
        var pad = 2 * metrics.PaddingX;
        var header = columns.Select((c, i) => LineBreaker.Wrap(shaper, table.Columns[c].Name, metrics.Header, widths[i] - pad, wordsOnly: true)).ToArray();
        var added = columns.Length > repeated ? columns[repeated..] : columns;
        return new ColumnBand
        {
            Columns = columns,
            Widths = widths,
            RightAligned = columns.Select(c => CellFormatter.IsRightAligned(table.Columns[c])).ToArray(),
            HeaderCells = header,
            Cells = new TableCells(shaper, formatter, table, metrics, columns, widths),
            Range = added.Length == 0 ? (0, 0) : (added.Min() + 1, added.Max() + 1),
        };
    }

    private static string Subtotal(GroupTable groups, GroupRow group, string key)
    {
        var columns = groups.AggregateColumns;
        var parts = columns.Select((column, i) =>
            column.Name + " " + (i < group.Cells.Count && ExcelFormats.FormatCell(group.Cells[i], column.Format) is { Length: > 0 } text ? text : "–"));
        return $"Subtotal {key}: {string.Join(" · ", parts)}";
    }

    /// <summary>
    /// A row's line count, decided as <see cref="TableCells.Row"/> does when the page is drawn: a cell whose measured
    /// one-line width fits is one line (no need to shape it again), anything else is wrapped and counted; the row
    /// takes the most lines any band needs.
    /// </summary>
    private static TableEntry Row(IReadOnlyList<ColumnBand> bands, float[] cellWidths, int row, int count, bool shade)
    {
        var lines = 1;
        foreach (var band in bands)
        {
            for (var i = 0; i < band.Columns.Length; i++)
            {
                // NaN (text with line breaks) compares false, so such a cell is always wrapped.
                var width = cellWidths[(row * count) + band.Columns[i]];
                if (!(width <= band.Cells.Room(i)))
                {
                    lines = Math.Max(lines, band.Cells.Wrap(band.Cells.Text(row, i), i).Count);
                }
            }
        }

        return new TableEntry(TableEntryKind.Row, row, null, shade, lines);
    }

    private static TableEntry BandEntry(IReadOnlyList<ColumnBand> bands, TableEntryKind kind, string text) =>
        new(kind, -1, text, false, bands.Max(b => b.Cells.Band(text).Count));
}
