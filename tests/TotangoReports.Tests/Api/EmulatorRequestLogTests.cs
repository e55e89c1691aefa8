using TotangoReports.Emulator;

namespace TotangoReports.Tests.Api;

public sealed class EmulatorRequestLogTests
{
    [Fact]
    public void Add_PastCapacity_KeepsTheNewestInArrivalOrder()
    {
        // Arrange
        var log = new EmulatorRequestLog(capacity: 3);
        var start = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        // Act
        for (var i = 0; i < 5; i++)
        {
            log.Add(new EmulatorRequest(start.AddSeconds(i), $"/p{i}"));
        }

        // Assert
        log.Snapshot().Select(r => r.Path).ShouldBe(["/p2", "/p3", "/p4"]);
    }
}
