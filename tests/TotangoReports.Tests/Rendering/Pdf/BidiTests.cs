using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class BidiTests
{
    [Theory]
    [InlineData("Hello world", "Hello world")]
    [InlineData("שלום", "םולש")]
    [InlineData("חברת אלפא", "אפלא תרבח")]
    [InlineData("Acme שלום Ltd", "Acme םולש Ltd")]
    [InlineData("שלום 123", "123 םולש")]
    [InlineData("שלום (בע\"מ)", "(מ\"עב) םולש")]
    public void ToVisualOrder_ReordersRightToLeftRunsOnly(string logical, string visual)
    {
        Bidi.ToVisualOrder(logical).ShouldBe(visual);
    }

    [Fact]
    public void ResolveLevels_RightToLeftParagraph_NumbersStayLeftToRightInside()
    {
        var levels = Bidi.ResolveLevels("אב 12", out var paragraph);

        paragraph.ShouldBe((byte)1);
        levels.ShouldBe(new byte[] { 1, 1, 1, 2, 2 });
    }

    [Fact]
    public void VisualOrder_ReversesOddRuns()
    {
        Bidi.VisualOrder([0, 1, 1, 0]).ShouldBe([0, 2, 1, 3]);
    }
}
