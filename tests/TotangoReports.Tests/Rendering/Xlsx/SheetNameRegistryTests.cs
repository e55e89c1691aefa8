using TotangoReports.Rendering.Xlsx.Internal;

namespace TotangoReports.Tests.Rendering.Xlsx;

public sealed class SheetNameRegistryTests
{
    [Fact]
    public void Reserve_NeverSplitsASurrogatePair_WhenTruncating()
    {
        var registry = new SheetNameRegistry();
        var desired = new string('x', 30) + "😀tail";

        var name = registry.Reserve(desired);

        name.ShouldBe(new string('x', 30));
        name.Length.ShouldBeLessThanOrEqualTo(SheetNameRegistry.MaxLength);
    }

    [Fact]
    public void Reserve_TreatsNamesDifferingOnlyInCase_AsDuplicates()
    {
        var registry = new SheetNameRegistry();

        var first = registry.Reserve("Accounts");
        var second = registry.Reserve("ACCOUNTS");
        var third = registry.Reserve("accounts");

        (first, second, third).ShouldBe(("Accounts", "ACCOUNTS (2)", "accounts (3)"));
    }

    [Theory]
    [InlineData("history")]
    [InlineData("HISTORY")]
    public void Reserve_AvoidsExcelsReservedHistoryName(string desired)
    {
        new SheetNameRegistry().Reserve(desired).ShouldBe(desired + "_");
    }
}
