using ScottPlot;

namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>A plot laid out for one size, and the boxes of every text it draws (what the no-overlap test checks).</summary>
internal sealed record ChartLayout(Plot Plot, IReadOnlyList<ChartTextBox> TextBoxes);
