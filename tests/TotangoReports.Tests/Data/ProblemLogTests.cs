using TotangoReports.Data.Internal;

namespace TotangoReports.Tests.Data;

/// <summary>Warnings come in the order the definition wrote their subjects, even when they are evaluated out of it.</summary>
public sealed class ProblemLogTests
{
    [Fact]
    public void ReservedSubjects_WarnInTheirReservedOrder_AndOnlyWhenTheyHaveAProblem()
    {
        // Arrange: charts 1–3 reserved in order; chart 3 (over history) is evaluated before chart 1.
        var log = new ProblemLog("accounts");
        log.Reserve("aggregate 'Chart 1'");
        log.Reserve("aggregate 'Chart 2'");
        log.Reserve("aggregate 'Chart 3'");

        // Act
        log.Add("aggregate 'Chart 3'", "names no column", "-", "its values are empty");
        log.Add("aggregate 'Chart 1'", "'x' is not a number", "a1", "those values are empty");

        // Assert
        log.ToWarnings().ShouldBe(
        [
            "dataset 'accounts': aggregate 'Chart 1': 'x' is not a number (1 account, first: account 'a1'); those values are empty.",
            "dataset 'accounts': aggregate 'Chart 3': names no column (1 account, first: account '-'); its values are empty.",
        ]);
    }
}
