using System.Globalization;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Lays out a dataset as a table: formats and measures every cell, sizes columns from content, picks portrait or
/// landscape, counts the lines of what has to wrap, and orders rows into group sections with subtotals. The
/// shaped lines themselves are not kept; <see cref="TableCells"/> makes them again page by page when drawing.
/// </summary>
internal sealed class TableBuilder(TextShaper shaper, CellFormatter formatter, PdfRendererOptions options)
{
    public TableLayout Build(DatasetTable table, float portraitWidth, float landscapeWidth)
    {
        var metrics = TableMetrics.For(options.BodyFontSize);
        var columns = table.Columns;
        var count = columns.Count;
        var pad = 2 * metrics.PaddingX;

        // Shape every cell as one line once for the natural widths; keep just each width (NaN for text with line
        // breaks, which is always wrapped), not the shaped lines: for a large table those are most of the memory.
        var rows = table.Rows.Count;
        var shapedWidths = new float[rows * count];
        var natural = new float[count];
        var minimum = new float[count];
        var soft = new float[count];
        var cellNatural = new float[count];
        for (var c = 0; c < count; c++)
        {
            var headerWords = columns[c].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var longestWord = headerWords.Length == 0 ? 0 : headerWords.Max(w => shaper.Measure(w, metrics.Header));
            minimum[c] = Math.Min(Math.Max(options.MinColumnWidth, longestWord + pad), options.MaxColumnWidth);
            natural[c] = Math.Max(minimum[c], Math.Min(shaper.Measure(columns[c].Name, metrics.Header) + pad, options.MaxColumnWidth));
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < count; c++)
            {
                var text = TableCells.Text(formatter, table, r, c);
                float width;
                if (TableCells.IsMultiline(text))
                {
                    width = WidestLine(text, metrics.Body);
                    shapedWidths[(r * count) + c] = float.NaN;
                }
                else
                {
                    width = shaper.Measure(text, metrics.Body);
                    shapedWidths[(r * count) + c] = width;
                }

                cellNatural[c] = Math.Max(cellNatural[c], Math.Min(width + pad, options.MaxColumnWidth));
            }
        }

        // Short columns (dates, numbers, codes) keep their cells on one line while long-text columns give room;
        // a long header wraps at its words first.
        for (var c = 0; c < count; c++)
        {
            natural[c] = Math.Max(natural[c], cellNatural[c]);
            soft[c] = Math.Max(minimum[c], Math.Min(cellNatural[c], options.ShortColumnWidth));
        }

        var landscape = options.AllowLandscape && natural.Sum() > portraitWidth;
        var widths = ColumnSizer.Fit(natural, soft, minimum, landscape ? landscapeWidth : portraitWidth);
        var rightAligned = columns.Select(CellFormatter.IsRightAligned).ToArray();
        var header = new IReadOnlyList<TextLine>[count];
        for (var c = 0; c < count; c++)
        {
            header[c] = LineBreaker.Wrap(shaper, columns[c].Name, metrics.Header, widths[c] - pad);
        }

        var cells = new TableCells(shaper, formatter, table, metrics, widths);
        var entries = new List<TableEntry>(rows + ((table.Groups?.Rows.Count ?? 0) * 2));
        if (table.Groups is { } groups)
        {
            var placed = new bool[rows];
            foreach (var group in groups.Rows)
            {
                var key = group.Key.Length == 0 ? "(none)" : group.Key;
                entries.Add(Band(cells, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"{groups.By}: {key} · {group.RowIndexes.Count} rows")));
                var shade = false;
                foreach (var index in group.RowIndexes)
                {
                    if (index >= 0 && index < rows)
                    {
                        entries.Add(Row(cells, shapedWidths, index, count, shade));
                        placed[index] = true;
                        shade = !shade;
                    }
                }

                entries.Add(Band(cells, TableEntryKind.Subtotal, Subtotal(groups, group, key)));
            }

            // Rows no group claims are still shown, never silently dropped.
            var rest = Enumerable.Range(0, rows).Where(i => !placed[i]).ToList();
            if (rest.Count > 0)
            {
                entries.Add(Band(cells, TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"Not in any group · {rest.Count} rows")));
                var shade = false;
                foreach (var index in rest)
                {
                    entries.Add(Row(cells, shapedWidths, index, count, shade));
                    shade = !shade;
                }
            }
        }
        else
        {
            for (var r = 0; r < rows; r++)
            {
                entries.Add(Row(cells, shapedWidths, r, count, r % 2 == 1));
            }
        }

        return new TableLayout
        {
            Name = table.Name,
            Metrics = metrics,
            Widths = widths,
            RightAligned = rightAligned,
            HeaderCells = header,
            Entries = entries,
            Cells = cells,
            Landscape = landscape,
            ContinuedMarker = shaper.Shape("… continued on the next page", metrics.Body),
        };
    }

    private static string Subtotal(GroupTable groups, GroupRow group, string key)
    {
        var parts = groups.Aggregates.Select((name, i) =>
            name + " " + (i < group.Values.Count && group.Values[i] is { } v ? CellFormatter.FormatNumber(v, null) : "–"));
        return $"Subtotal {key}: {string.Join(" · ", parts)}";
    }

    /// <summary>
    /// A row's line count, decided as <see cref="TableCells.Row"/> does when the page is drawn: a cell whose measured
    /// one-line width fits is one line (no need to shape it again), anything else is wrapped and counted.
    /// </summary>
    private static TableEntry Row(TableCells cells, float[] shapedWidths, int row, int count, bool shade)
    {
        var lines = 1;
        for (var c = 0; c < count; c++)
        {
            // NaN (text with line breaks) compares false, so such a cell is always wrapped.
            var width = shapedWidths[(row * count) + c];
            if (!(width <= cells.Room(c)))
            {
                lines = Math.Max(lines, cells.Wrap(cells.Text(row, c), c).Count);
            }
        }

        return new TableEntry(TableEntryKind.Row, row, null, shade, lines);
    }

    private static TableEntry Band(TableCells cells, TableEntryKind kind, string text) =>
        new(kind, -1, text, false, TableEntry.LinesOf([cells.Band(text)]));

    /// <summary>For a multi-line cell: the widest of its lines stands for its natural width.</summary>
    private float WidestLine(string text, TextStyle style) =>
        text.ReplaceLineEndings("\n").Split('\n').Max(l => shaper.Measure(l, style));
}
