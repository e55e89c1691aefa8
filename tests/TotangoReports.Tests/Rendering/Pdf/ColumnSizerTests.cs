using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class ColumnSizerTests
{
    [Fact]
    public void Fit_NarrowTable_StretchesProportionallyToTheLine()
    {
        var widths = ColumnSizer.Fit([50, 100], [50, 100], [20, 20], 300);

        widths.ShouldBe([100f, 200f]);
    }

    [Fact]
    public void Fit_WideTable_LongTextColumnsGiveRoomFirst()
    {
        // Column 0 is a short date column (soft minimum = natural), column 1 long text.
        var widths = ColumnSizer.Fit([60, 300], [60, 100], [30, 30], 260);

        widths[0].ShouldBe(60f);
        widths[1].ShouldBe(200f, 0.01f);
    }

    [Fact]
    public void Fit_VeryWideTable_FallsBackToHardMinimumsThenScales()
    {
        var widths = ColumnSizer.Fit([100, 100, 100], [100, 100, 100], [40, 40, 40], 60);

        widths.Sum().ShouldBe(60f, 0.01f);
        widths.ShouldAllBe(w => Math.Abs(w - 20f) < 0.01f);
    }

    [Fact]
    public void Fit_AnyInput_FillsTheAvailableWidthExactly()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var count = random.Next(1, 15);
            var natural = Enumerable.Range(0, count).Select(_ => 20 + (random.NextSingle() * 200)).ToArray();
            var soft = natural.Select(n => Math.Min(n, 20 + (random.NextSingle() * 80))).ToArray();
            var hard = soft.Select(s => Math.Min(s, 10 + (random.NextSingle() * 30))).ToArray();
            var available = 100 + (random.NextSingle() * 700);

            var widths = ColumnSizer.Fit(natural, soft, hard, available);

            widths.Sum().ShouldBe(available, available * 1e-4f);
            widths.ShouldAllBe(w => w > 0);
        }
    }
}
