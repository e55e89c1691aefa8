using TotangoReports.Runs;

namespace TotangoReports.Tests.Engine;

/// <summary>A large run in a one-report process gives back what each stage let go; a host's or a small run's never collects.</summary>
public sealed class StageMemoryTests
{
    [Theory]
    [InlineData(true, StageMemory.LargeRun, 1)]
    [InlineData(true, StageMemory.LargeRun - 1, 0)]
    [InlineData(false, 1_000_000, 0)]
    public void Release_CollectsOnlyWhenAskedFor_AndTheRunIsLarge(bool enabled, int accounts, int expected)
    {
        // Arrange
        var memory = new StageMemory(enabled, accounts);
        var before = GC.CollectionCount(GC.MaxGeneration);

        // Act
        memory.Release();

        // Assert
        memory.Released.ShouldBe(expected);
        if (expected > 0)
        {
            GC.CollectionCount(GC.MaxGeneration).ShouldBeGreaterThan(before);
        }
    }

    [Fact]
    public void EngineOptions_DoNotCollect_UnlessTheHostAsks()
    {
        new ReportEngineOptions().ReturnMemoryBetweenStages.ShouldBeFalse();
    }
}
