using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Draws shaped lines. Each run carries its logical text and clusters, so Skia's PDF backend writes the
/// mapping from glyphs back to characters and the text stays selectable and extractable.
/// </summary>
internal static class TextPainter
{
    public static void Draw(SKCanvas canvas, TextLine line, float x, float baseline, SKPaint paint, DrawContext context)
    {
        if (line.Runs.Count == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        var pen = 0f;
        foreach (var run in line.Runs)
        {
            var font = context.Font(run.Face, run.Size);
            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
            run.Glyphs.CopyTo(buffer.Glyphs);
            var points = buffer.Positions;
            for (var g = 0; g < run.Glyphs.Length; g++)
            {
                points[g] = new SKPoint(pen + run.X[g], run.Y[g]);
            }

            run.Utf8.CopyTo(buffer.Text);
            run.Clusters.CopyTo(buffer.Clusters);
            pen += run.Width;
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, x, baseline, paint);
        }
    }
}
