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
        var limit = Math.Min(rows, rowLimit ?? int.MaxValue);
        var sections = Sections(table, limit);
        var pageRows = sections.SelectMany(s => s.Rows).ToList();
        var measured = ColumnMeasurements.Measure(shaper, formatter, table, pageRows, options.BodyFontSize, options, widest / 2);
        var landscape = options.AllowLandscape && measured.Natural.Sum() > portraitWidth;
        var available = landscape ? landscapeWidth : portraitWidth;

        // Too wide even at the minimums: smaller type first (widths scale with it, padding included), down to the floor.
        var floor = Math.Min(options.MinBodyFontSize, options.BodyFontSize);
        if (measured.Hard.Sum() > available && options.BodyFontSize > floor)
        {
            var size = Math.Max(floor, MathF.Floor(options.BodyFontSize * available / measured.Hard.Sum() * 4) / 4);
            measured = ColumnMeasurements.Measure(shaper, formatter, table, pageRows, size, options, widest / 2);
        }

        var metrics = measured.Metrics;
        var keys = columns.Select(ColumnRoles.IsKey).ToArray();
        var (plan, keyCount) = ColumnBandPlanner.Plan(measured.Hard, keys, available);
        var bands = plan.Select((b, i) => Band(table, measured, b, i == 0 ? 0 : keyCount, available, stretch: plan.Count == 1)).ToList();

        var entries = new List<TableEntry>(limit + ((table.Groups?.Rows.Count ?? 0) * 2));
        foreach (var section in sections)
        {
            if (section.Group is { } group)
            {
                var key = group.Key.Length == 0 ? "(none)" : group.Key;
                entries.Add(BandEntry(bands, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"{table.Groups!.By}: {key} · {group.RowIndexes.Count} rows")));
            }
            else if (table.Groups is not null)
            {
                entries.Add(BandEntry(bands, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"Not in any group · {section.Unplaced} rows")));
            }

            for (var i = 0; i < section.Rows.Count; i++)
            {
                entries.Add(Row(bands, measured, section.Rows[i], count, i % 2 == 1));
            }

            if (section.Group is { } subtotal)
            {
                entries.Add(BandEntry(bands, TableEntryKind.Subtotal, Subtotal(table.Groups!, subtotal, subtotal.Key.Length == 0 ? "(none)" : subtotal.Key)));
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
    /// <summary>
    /// The rows the table shows, at most <paramref name="limit"/>, by section: each group's rows in the groups' order
    /// (a group is shown while the limit is not reached), then the rows no group claims (never silently dropped); one
    /// section of the first rows when the table is not grouped.
    /// </summary>
    private static List<(GroupRow? Group, List<int> Rows, int Unplaced)> Sections(DatasetTable table, int limit)
    {
        var rows = table.Rows.Count;
        if (table.Groups is not { } groups)
        {
            return [(null, Enumerable.Range(0, limit).ToList(), 0)];
        }

        var sections = new List<(GroupRow?, List<int>, int)>();
        var placed = new bool[rows];
        var shown = 0;
        foreach (var group in groups.Rows)
        {
            if (shown >= limit)
            {
                break;
            }

            var members = new List<int>();
            foreach (var index in group.RowIndexes)
            {
                if (index >= 0 && index < rows && shown < limit)
                {
                    shown++;
                    members.Add(index);
                    placed[index] = true;
                }
            }

            sections.Add((group, members, 0));
        }

        var rest = Enumerable.Range(0, rows).Where(i => !placed[i]).ToList();
        if (rest.Count > 0 && shown < limit)
        {
            sections.Add((null, rest.Take(limit - shown).ToList(), rest.Count));
        }

        return sections;
    }

    private static TableEntry Row(IReadOnlyList<ColumnBand> bands, ColumnMeasurements measured, int row, int count, bool shade)
    {
        var lines = 1;
        foreach (var band in bands)
        {
            for (var i = 0; i < band.Columns.Length; i++)
            {
                // NaN (text with line breaks) compares false, so such a cell is always wrapped.
                var width = measured.CellWidths[(measured.Slot(row) * count) + band.Columns[i]];
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
