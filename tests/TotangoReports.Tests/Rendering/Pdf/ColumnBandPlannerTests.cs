using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class ColumnBandPlannerTests
{
    [Fact]
    public void Plan_FitsTheLine_OneBandInOrder()
    {
        var (bands, keys) = ColumnBandPlanner.Plan([50, 60, 70], [true, false, false], 180);

        bands.ShouldHaveSingleItem().ShouldBe([0, 1, 2]);
        keys.ShouldBe(0);
    }

    [Fact]
    public void Plan_TooWide_RepeatsIdAndNameOnEveryBand_AndBalancesTheRest()
    {
        // Arrange: id and name first, then 14 columns of 50 pt; 400 pt of line fits the keys and 5 more.
        float[] hard = [40, 60, .. Enumerable.Repeat(50f, 14)];
        bool[] isKey = [true, true, .. Enumerable.Repeat(false, 14)];

        // Act
        var (bands, keys) = ColumnBandPlanner.Plan(hard, isKey, 400);

        // Assert: 14 columns over 3 bands as 5 + 5 + 4, never 6 + 6 + 2 … each band starting with the keys.
        keys.ShouldBe(2);
        bands.Count.ShouldBe(3);
        bands.ShouldAllBe(b => b[0] == 0 && b[1] == 1);
        bands.Select(b => b.Length - 2).ShouldBe([5, 5, 4]);
        bands.SelectMany(b => b.Skip(2)).ShouldBe(Enumerable.Range(2, 14));
        bands.ShouldAllBe(b => b.Sum(c => hard[c]) <= 400);
    }

    [Fact]
    public void Plan_NoRecognisedKey_RepeatsTheFirstColumn()
    {
        var (bands, keys) = ColumnBandPlanner.Plan([30, 100, 100, 100], [false, false, false, false], 240);

        keys.ShouldBe(1);
        bands.ShouldAllBe(b => b[0] == 0);
        bands.SelectMany(b => b.Skip(1)).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Plan_KeysWiderThanHalfTheLine_AreNotAllRepeated()
    {
        var (bands, keys) = ColumnBandPlanner.Plan([150, 150, 100, 100, 100], [true, true, false, false, false], 400);

        keys.ShouldBe(1);
        bands.ShouldAllBe(b => b.Sum(c => new float[] { 150, 150, 100, 100, 100 }[c]) <= 400);
        bands.SelectMany(b => b.Skip(1)).ShouldBe([1, 2, 3, 4]);
    }
}
