using System.Globalization;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Lays out a dataset as a table: formats and shapes every cell once, sizes columns from content, picks
/// portrait or landscape, wraps what does not fit, and orders rows into group sections with subtotals.
/// </summary>
internal sealed class TableBuilder(TextShaper shaper, CellFormatter formatter, PdfRendererOptions options)
{
    public TableLayout Build(DatasetTable table, float portraitWidth, float landscapeWidth)
    {
        var metrics = TableMetrics.For(options.BodyFontSize);
        var columns = table.Columns;
        var count = columns.Count;
        var pad = 2 * metrics.PaddingX;

        // Shape every cell as one line once: that gives natural widths and is reused for cells that fit.
        var cells = new TextLine[table.Rows.Count][];
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

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var shaped = new TextLine[count];
            for (var c = 0; c < count; c++)
            {
                var text = formatter.Format(c < row.Values.Count ? row.Values[c] : null, columns[c]);
                var line = text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
                    ? WidestLine(text, metrics.Body)
                    : shaper.Shape(text, metrics.Body);
                shaped[c] = line;
                cellNatural[c] = Math.Max(cellNatural[c], Math.Min(line.Width + pad, options.MaxColumnWidth));
            }

            cells[r] = shaped;
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

        var entries = new List<TableEntry>(table.Rows.Count + ((table.Groups?.Rows.Count ?? 0) * 2));
        var bandWidth = widths.Sum() - pad;
        if (table.Groups is { } groups)
        {
            var placed = new bool[table.Rows.Count];
            foreach (var group in groups.Rows)
            {
                var key = group.Key.Length == 0 ? "(none)" : group.Key;
                entries.Add(Band(TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"{groups.By}: {key} · {group.RowIndexes.Count} rows"), metrics.Header, bandWidth));
                var shade = false;
                foreach (var index in group.RowIndexes)
                {
                    if (index >= 0 && index < cells.Length)
                    {
                        entries.Add(Row(cells[index], widths, metrics, shade));
                        placed[index] = true;
                        shade = !shade;
                    }
                }

                entries.Add(Band(TableEntryKind.Subtotal, Subtotal(groups, group, key), metrics.Header, bandWidth));
            }

            // Rows no group claims are still shown, never silently dropped.
            var rest = Enumerable.Range(0, cells.Length).Where(i => !placed[i]).ToList();
            if (rest.Count > 0)
            {
                entries.Add(Band(TableEntryKind.GroupHeading, string.Create(CultureInfo.InvariantCulture, $"Not in any group · {rest.Count} rows"), metrics.Header, bandWidth));
                var shade = false;
                foreach (var index in rest)
                {
                    entries.Add(Row(cells[index], widths, metrics, shade));
                    shade = !shade;
                }
            }
        }
        else
        {
            for (var r = 0; r < cells.Length; r++)
            {
                entries.Add(Row(cells[r], widths, metrics, r % 2 == 1));
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

    private TableEntry Row(TextLine[] shaped, float[] widths, TableMetrics metrics, bool shade)
    {
        var cells = new IReadOnlyList<TextLine>[shaped.Length];
        for (var c = 0; c < shaped.Length; c++)
        {
            var room = widths[c] - (2 * metrics.PaddingX);
            var line = shaped[c];
            cells[c] = line.Width <= room && !line.Text.Contains('\n', StringComparison.Ordinal) && !line.Text.Contains('\r', StringComparison.Ordinal)
                ? [line]
                : LineBreaker.Wrap(shaper, line.Text, metrics.Body, room);
        }

        return new TableEntry(TableEntryKind.Row, cells, shade);
    }

    private TableEntry Band(TableEntryKind kind, string text, TextStyle style, float width) =>
        new(kind, [LineBreaker.Wrap(shaper, text, style, width)], false);

    /// <summary>For a multi-line cell: the widest of its lines stands for its natural width, and keeps the full text.</summary>
    private TextLine WidestLine(string text, TextStyle style)
    {
        var widest = text.ReplaceLineEndings("\n").Split('\n').Max(l => shaper.Measure(l, style));
        return new TextLine([], widest, text);
    }
}
