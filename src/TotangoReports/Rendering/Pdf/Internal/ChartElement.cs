using ScottPlot.Plottables;
using SkiaSharp;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Charts.Internal;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A report chart drawn by ScottPlot straight onto the page canvas, so it stays vectors in the PDF, in this
/// document's embedded font subset. ScottPlot draws strings unshaped and left to right, so right-to-left labels
/// are handed over already in visual order.
/// </summary>
internal sealed class ChartElement(ReportChart chart, SKRect area) : PageElement
{
    /// <summary>Characters ScottPlot may draw besides our labels: tick numbers and their punctuation.</summary>
    private const string TickCharacters = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~…−–·×";

    private readonly ReportChart _visual = chart with
    {
        Title = Bidi.ToVisualOrder(chart.Title),
        Labels = chart.Labels.Select(Bidi.ToVisualOrder).ToList(),
    };

    /// <summary>Records what the chart will draw, so the font subsets hold it.</summary>
    public void RecordUsage(FontUsage usage, PdfFonts fonts)
    {
        foreach (var face in new[] { fonts.Regular, fonts.Bold })
        {
            usage.AddText(face, TickCharacters);
            usage.AddText(face, _visual.Title);
            foreach (var label in _visual.Labels)
            {
                usage.AddText(face, label);
            }
        }
    }

    public override void Draw(SKCanvas canvas, DrawContext context)
    {
        // Setting a plot's font also sets ScottPlot's process-wide default family; put it back afterwards so other
        // renderers' charts never ask for this document's (soon unregistered) family.
        var previousDefault = ScottPlot.Fonts.Default;
        try
        {
            DrawPlot(canvas, context);
        }
        finally
        {
            ScottPlot.Fonts.Default = previousDefault;
        }
    }

    private void DrawPlot(SKCanvas canvas, DrawContext context)
    {
        // The embedded font is set before the layout measures its labels, so what is measured is what is drawn.
        using var plot = ChartPlotter.Create(_visual, (int)area.Width, (int)area.Height, plot =>
        {
            plot.Font.Set(context.ChartFamily);
            foreach (var bars in plot.GetPlottables().OfType<BarPlot>())
            {
                // Value labels keep a typeface of their own; the family name alone does not reach them.
                bars.ValueLabelStyle.FontName = context.ChartFamily;
                bars.ValueLabelStyle.Font = context.Typeface(PdfFonts.Shared.Regular);
            }

            foreach (var text in plot.GetPlottables().OfType<Text>())
            {
                // The donut's value and legend labels, like the bars' value labels.
                text.LabelStyle.FontName = context.ChartFamily;
                text.LabelStyle.Font = context.Typeface(text.LabelStyle.Bold ? PdfFonts.Shared.Bold : PdfFonts.Shared.Regular);
            }

            foreach (var axis in plot.Axes.GetAxes())
            {
                axis.TickLabelStyle.FontName = context.ChartFamily;
                axis.Label.FontName = context.ChartFamily;
            }

            plot.Axes.Title.Label.FontName = context.ChartFamily;
        });
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        canvas.ClipRect(new SKRect(0, 0, area.Width, area.Height));
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }
}
