using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Draws shaped lines. Each run carries its logical text and clusters, so Skia's PDF backend writes the
/// mapping from glyphs back to characters and the text stays selectable and extractable. Many lines can be
/// gathered into one blob and drawn at once: a table page is one draw call, not thousands.
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
        Append(builder, line, x, baseline, context);
        DrawBlob(canvas, builder, paint);
    }

    /// <summary>Adds the line's runs at absolute positions (draw the blob at the origin).</summary>
    public static void Append(SKTextBlobBuilder builder, TextLine line, float x, float baseline, DrawContext context)
    {
        var pen = x;
        foreach (var run in line.Runs)
        {
            var font = context.Font(run.Face, run.Size);
            if (run.Nominal && !context.HasAmbiguousGlyph(run))
            {
                // The font's character map says it all; text and clusters would cost Skia's PDF backend 3× the time.
                var plain = builder.AllocatePositionedRun(font, run.Glyphs.Length, null);
                run.Glyphs.CopyTo(plain.Glyphs);
                var at = plain.Positions;
                for (var g = 0; g < run.Glyphs.Length; g++)
                {
                    at[g] = new SKPoint(pen + run.X[g], baseline + run.Y[g]);
                }

                pen += run.Width;
                continue;
            }

            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
            run.Glyphs.CopyTo(buffer.Glyphs);
            var points = buffer.Positions;
            for (var g = 0; g < run.Glyphs.Length; g++)
            {
                points[g] = new SKPoint(pen + run.X[g], baseline + run.Y[g]);
            }

            run.Utf8.CopyTo(buffer.Text);
            run.Clusters.CopyTo(buffer.Clusters);
            pen += run.Width;
        }
    }

    public static void DrawBlob(SKCanvas canvas, SKTextBlobBuilder builder, SKPaint paint)
    {
        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, 0, 0, paint);
        }
    }
}
