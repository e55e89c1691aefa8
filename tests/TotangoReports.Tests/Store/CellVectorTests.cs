using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>A stored column gives back exactly what was recorded, whatever form each number took to be stored small.</summary>
public sealed class CellVectorTests
{
    [Fact]
    public void EncodeThenDecode_ReturnsEveryCellExactly_WithInstantsInUtc()
    {
        // Arrange
        object?[] cells =
        [
            null, "plain", "שלום — Ünïcode 漢字", string.Empty, 0.0, -0.0, 42.0, -7.0, 12.5, 3.14, 0.1 + 0.2, 1e300, double.NaN, double.PositiveInfinity,
            (double)(1L << 53), 123456789.123, new DateOnly(1, 1, 1), new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 11, 30, 7, 15, 0, 123, TimeSpan.Zero).AddTicks(4567), DateTimeOffset.UnixEpoch.AddDays(-400), 7, 9L, 2.5m,
        ];

        // Act
        var vector = CellVector.DecodeVector(CellVector.Encode(cells.Length, i => cells[i]));
        var decoded = Enumerable.Range(0, vector.Count).Select(i => vector[i]).ToArray();

        // Assert
        decoded.Length.ShouldBe(cells.Length);
        for (var i = 0; i < 21; i++)
        {
            if (cells[i] is double expected)
            {
                BitConverter.DoubleToInt64Bits(decoded[i].ShouldBeOfType<double>()).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"cell {i}");
            }
            else
            {
                decoded[i].ShouldBe(cells[i], $"cell {i}");
            }
        }

        decoded[18].ShouldBeOfType<DateTimeOffset>().Offset.ShouldBe(TimeSpan.Zero);
        decoded[18].ShouldBe(new DateTimeOffset(2026, 11, 30, 7, 15, 0, TimeSpan.Zero));
        decoded[21..].ShouldBe([7.0, 9.0, 2.5], "other numbers are stored as numbers");
    }

    [Fact]
    public void ColumnOfCountsAndScores_IsStoredInAFewBytesARow()
    {
        // Arrange: 100,000 whole counts and one-decimal scores, as a weekly report has.
        var random = new Random(7);
        var counts = Enumerable.Range(0, 100_000).Select(_ => (object?)(double)random.Next(0, 5000)).ToArray();
        var scores = Enumerable.Range(0, 100_000).Select(_ => (object?)Math.Round(random.NextDouble() * 100, 1)).ToArray();

        // Act
        var countBytes = CellVector.Encode(counts.Length, i => counts[i]).Length;
        var scoreBytes = CellVector.Encode(scores.Length, i => scores[i]).Length;

        // Assert: far below the 8 bytes a double takes.
        countBytes.ShouldBeLessThan(300_000);
        scoreBytes.ShouldBeLessThan(300_000);
    }
}
