using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// One page's share of a table: the column header of one column band (repeated on every page), then the page's
/// slices in that band's columns. It holds only which lines of which items go here; their text is shaped again as
/// the page is drawn and dropped after.
/// </summary>
internal sealed class TablePageElement(TableLayout layout, ColumnBand band, IReadOnlyList<TableSlice> slices, float left, float top) : PageElement
{
    public override void Draw(SKCanvas canvas, DrawContext context)
    {
        var metrics = layout.Metrics;
        var width = band.Width;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var rule = new SKPaint { Color = Palette.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
        using var text = new SKPaint { Color = Palette.Text, IsAntialias = true };
        using var muted = new SKPaint { Color = Palette.Muted, IsAntialias = true };
        using var texts = new SKTextBlobBuilder();
        using var markers = new SKTextBlobBuilder();
        using var trendLine = new SKPaint { Color = Palette.Accent, Style = SKPaintStyle.Stroke, StrokeWidth = 0.9f, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        using var trendDot = new SKPaint { Color = Palette.Text, Style = SKPaintStyle.Fill, IsAntialias = true };

        // Header.
        var headerHeight = layout.HeaderHeight;
        fill.Color = Palette.HeaderFill;
        canvas.DrawRect(SKRect.Create(left, top, width, headerHeight), fill);
        AddCells(texts, context, band.HeaderCells, 0, layout.HeaderLines, top, metrics.Header);
        canvas.DrawLine(left, top + headerHeight, left + width, top + headerHeight, rule);

        // Backgrounds and rules first, then all the text in one blob on top.
        var y = top + headerHeight;
        foreach (var slice in slices)
        {
            var entry = layout.Entries[slice.Item];
            var cells = band.Cells.Of(entry);
            if (TableEntry.LinesOf(cells) > entry.Lines)
            {
                // Pagination placed this item by the line count of pass one; drawing more lines would overlap rows.
                throw new InvalidOperationException($"Table '{layout.Name}' item {slice.Item} has {TableEntry.LinesOf(cells)} lines when drawn but {entry.Lines} when paginated.");
            }

            var height = metrics.RowPadding + ((slice.LineCount + (slice.Continues ? 1 : 0)) * metrics.LineHeight);
            var background = entry.Kind switch
            {
                TableEntryKind.Row when entry.Shaded => Palette.Zebra,
                TableEntryKind.Row => SKColors.Empty,
                _ => Palette.BandFill,
            };
            if (background != SKColors.Empty)
            {
                fill.Color = background;
                canvas.DrawRect(SKRect.Create(left, y, width, height), fill);
            }

            if (entry.IsBand)
            {
                AddLines(texts, context, cells[0], slice.FirstLine, slice.LineCount, left + metrics.PaddingX, y, width - (2 * metrics.PaddingX), metrics.Header, TextAlign.Left);
            }
            else
            {
                AddCells(texts, context, cells, slice.FirstLine, slice.LineCount, y, metrics.Body);
                if (slice.FirstLine == 0)
                {
                    DrawTrends(canvas, entry.Row, y, trendLine, trendDot);
                }
            }

            if (slice.Continues)
            {
                var markerTop = y + (slice.LineCount * metrics.LineHeight);
                AddLines(markers, context, [layout.ContinuedMarker], 0, 1, left + metrics.PaddingX, markerTop, width - (2 * metrics.PaddingX), metrics.Body, TextAlign.Right);
            }

            y += height;
            canvas.DrawLine(left, y, left + width, y, rule);
        }

        TextPainter.DrawBlob(canvas, texts, text);
        TextPainter.DrawBlob(canvas, markers, muted);
    }

    /// <summary>Each <c>trend:</c> cell of the row as a small vector line on its first line; a week without a value breaks it.</summary>
    private void DrawTrends(SKCanvas canvas, int row, float rowTop, SKPaint stroke, SKPaint dot)
    {
        var metrics = layout.Metrics;
        var x = left;
        for (var c = 0; c < band.Widths.Length; c++)
        {
            if (band.Cells.TrendPoints(row, c) is { Length: > 1 } points)
            {
                var width = band.Widths[c] - (2 * metrics.PaddingX);
                var height = metrics.LineHeight - 2;
                var layoutPoints = Formatting.TrendText.Layout(points, width, height, 1.5);
                using var path = new SKPath();
                var open = false;
                foreach (var point in layoutPoints)
                {
                    if (point is not { } p)
                    {
                        open = false;
                        continue;
                    }

                    var at = new SKPoint(x + metrics.PaddingX + (float)p.X, rowTop + metrics.PaddingY + 1 + (float)p.Y);
                    if (open)
                    {
                        path.LineTo(at);
                    }
                    else
                    {
                        path.MoveTo(at);
                        open = true;
                    }
                }

                canvas.DrawPath(path, stroke);
                if (layoutPoints[^1] is { } last)
                {
                    canvas.DrawCircle(x + metrics.PaddingX + (float)last.X, rowTop + metrics.PaddingY + 1 + (float)last.Y, 1.2f, dot);
                }
            }

            x += band.Widths[c];
        }
    }

    private void AddCells(SKTextBlobBuilder builder, DrawContext context, IReadOnlyList<TextLine>[] cells, int firstLine, int lineCount, float rowTop, TextStyle style)
    {
        var x = left;
        for (var c = 0; c < cells.Length; c++)
        {
            var w = band.Widths[c];
            // Like a spreadsheet's automatic alignment: numbers right, text by its direction.
            var rightToLeft = cells[c].Count > 0 && cells[c][0].RightToLeft;
            var align = band.RightAligned[c] || rightToLeft ? TextAlign.Right : TextAlign.Left;

            // On the pages a tall row continues on, cells already finished show their text again for context.
            var first = firstLine > 0 && cells[c].Count <= firstLine ? 0 : firstLine;
            AddLines(builder, context, cells[c], first, lineCount, x + layout.Metrics.PaddingX, rowTop, w - (2 * layout.Metrics.PaddingX), style, align);
            x += w;
        }
    }

    private void AddLines(SKTextBlobBuilder builder, DrawContext context, IReadOnlyList<TextLine> lines, int firstLine, int lineCount, float x, float rowTop, float width, TextStyle style, TextAlign align)
    {
        var face = PdfFonts.Shared.Main(style.Bold);
        var baseline = rowTop + layout.Metrics.PaddingY + LayoutMath.BaselineOffset(face, style);
        var end = Math.Min(lines.Count, firstLine + lineCount);
        for (var i = firstLine; i < end; i++)
        {
            var line = lines[i];
            if (line.Runs.Count > 0)
            {
                TextPainter.Append(builder, line, LayoutMath.AlignX(line, x, width, align), baseline, context);
            }

            baseline += layout.Metrics.LineHeight;
        }
    }
}
