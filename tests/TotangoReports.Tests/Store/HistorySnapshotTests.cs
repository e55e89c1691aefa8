using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>
/// A loaded snapshot is held by column (PRODUCT.md §8 history; the 400 MB target of the weekly run): numbers as
/// doubles, repeated texts and account ids as one string each, rows found by account id without copying.
/// </summary>
public sealed class HistorySnapshotTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static readonly TableColumn[] Columns =
    [
        new("Score", CellKind.Number, null, null),
        new("Health", CellKind.Text, null, null),
        new("Renewal", CellKind.Date, null, null),
    ];

    [Fact]
    public void SnapshotOfRows_GivesEachCellBack_FindsRowsById_AndCountsShown()
    {
        // Arrange
        HistoryRow[] rows =
        [
            new("a1", [10.5, "Good", new DateOnly(2027, 1, 1)], true),
            new("a2", [null, "Poor", null], false),
            new("a3", [-0.0, null, new DateOnly(2027, 3, 1)], true),
        ];

        // Act
        var snapshot = new HistorySnapshot("accounts", Monday, Columns, rows);

        // Assert
        snapshot.Count.ShouldBe(3);
        snapshot.ShownCount.ShouldBe(2);
        snapshot.RowOf("a2").ShouldBe(1);
        snapshot.RowOf("missing").ShouldBe(-1);
        snapshot.Cell(snapshot.RowOf("a1"), 0).ShouldBe(10.5);
        snapshot.Cell(1, 0).ShouldBeNull();
        double.IsNegative((double)snapshot.Cell(2, 0)!).ShouldBeTrue("-0 stays -0");
        snapshot.Rows.Select(r => (r.AccountId, r.Shown)).ShouldBe([("a1", true), ("a2", false), ("a3", true)]);
        snapshot.Rows[2].Cells.ShouldBe([-0.0, null, new DateOnly(2027, 3, 1)]);
    }

    [Fact]
    public void RowWithTooFewCells_IsRefused_NotPaddedWithEmpties()
    {
        // Act
        var error = Should.Throw<ArgumentException>(() => new HistorySnapshot("accounts", Monday, Columns, [new HistoryRow("a1", [1.0], true)]));

        // Assert
        error.Message.ShouldContain("'a1' has 1 cells for 3 columns");
    }

    [Fact]
    public void Project_KeepsOnlyTheColumnsAsked_SharingTheRows()
    {
        // Arrange
        var snapshot = new HistorySnapshot("accounts", Monday, Columns, [new HistoryRow("a1", [1.0, "Good", null], true), new HistoryRow("a2", [2.0, "Poor", null], false)]);

        // Act
        var projected = snapshot.Project(["Health", "Nope"]);

        // Assert
        projected.Columns.Select(c => c.Name).ShouldBe(["Health"]);
        projected.Cell(projected.RowOf("a2"), 0).ShouldBe("Poor");
        projected.ShownCount.ShouldBe(1);
        projected.Keys.ShouldBeSameAs(snapshot.Keys);
    }

    [Fact]
    public void DecodeVector_NumbersComeBackAsNumbers_WithEmptiesKept()
    {
        // Arrange
        object?[] cells = [1.0, null, 12.5, -0.0, double.NaN, 1e300, 0.1 + 0.2];

        // Act
        var vector = CellVector.DecodeVector(CellVector.Encode(cells.Length, i => cells[i]));

        // Assert
        vector.ShouldBeOfType<HistoryVector.Numbers>();
        ShouldReadBackBitForBit(vector, cells);
    }

    [Fact]
    public void DecodeVector_WholeTenthsAndHundredths_AreHeldAsScaledInts_AndReadBackBitForBit()
    {
        // Arrange: scores with one or two decimals, counts, an empty, and a large count.
        var random = new Random(3);
        var cells = Enumerable.Range(0, 5000).Select(i => i % 97 == 0 ? null : (object?)(i % 3 == 0 ? Math.Round(random.NextDouble() * 100, 1) : i % 3 == 1 ? Math.Round(random.NextDouble() * 100, 2) : random.Next(0, 20_000_000))).ToArray();

        // Act
        var vector = CellVector.DecodeVector(CellVector.Encode(cells.Length, i => cells[i]));

        // Assert
        vector.ShouldBeOfType<HistoryVector.Scaled>();
        ShouldReadBackBitForBit(vector, cells);
    }

    [Fact]
    public void DecodeVector_NumbersTooLargeToScale_StayDoubles()
    {
        // Arrange: hundredths next to a count that would overflow an int once scaled by 100.
        object?[] cells = [12.34, 3_000_000_000.0, 1.5];

        // Act
        var vector = CellVector.DecodeVector(CellVector.Encode(cells.Length, i => cells[i]));

        // Assert
        vector.ShouldBeOfType<HistoryVector.Numbers>();
        Enumerable.Range(0, cells.Length).Select(i => vector[i]).ShouldBe(cells);
    }

    [Fact]
    public void DecodeVector_TextsAndEmpties_AreCoded_AndAMixedColumnIsKeptAsCells()
    {
        // Arrange
        object?[] healths = ["Good", null, "Poor", "Good", string.Empty];
        object?[] mixed = ["Good", 1.0, new DateOnly(2027, 1, 1), null];

        // Act
        var coded = CellVector.DecodeVector(CellVector.Encode(healths.Length, i => healths[i]));
        var cells = CellVector.DecodeVector(CellVector.Encode(mixed.Length, i => mixed[i]));

        // Assert
        coded.ShouldBeOfType<HistoryVector.Coded>();
        Enumerable.Range(0, healths.Length).Select(i => coded[i]).ShouldBe(healths);
        cells.ShouldBeOfType<HistoryVector.Cells>();
        Enumerable.Range(0, mixed.Length).Select(i => cells[i]).ShouldBe(mixed);
    }

    [Fact]
    public void DecodeVector_OfRepeatedTexts_HoldsEachDistinctTextOnce()
    {
        // Arrange: 1,000 cells of three healths, a date and an empty among them.
        var cells = Enumerable.Range(0, 1000).Select(i => (object?)(i % 3 == 0 ? "Good" : i % 3 == 1 ? "Average" : "Poor")).ToArray();
        cells[5] = new DateOnly(2027, 1, 1);
        cells[6] = null;

        // Act
        var vector = CellVector.DecodeVector(CellVector.Encode(cells.Length, i => cells[i]));

        // Assert
        Enumerable.Range(0, cells.Length).Select(i => vector[i]).ShouldBe(cells);
        ReferenceEquals(vector[0], vector[3]).ShouldBeTrue("one 'Good' for every row that reads Good");
        Enumerable.Range(0, cells.Length).Select(i => vector[i]).OfType<string>().Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(3);
    }

    [Fact]
    public void DecodeIds_OfTwoSnapshots_HoldsEveryIdOnce_AndFindsRowsInEach()
    {
        // Arrange: week 2 lost a1 and gained a4, in another order.
        var accounts = new HistoryAccounts();
        string[] week1 = ["a1", "a2", "a3"];
        string[] week2 = ["a4", "a3", "a2"];

        // Act
        var keys1 = new HistoryKeys(accounts, CellVector.DecodeIds(CellVector.Encode(3, i => week1[i]), accounts));
        var keys2 = new HistoryKeys(accounts, CellVector.DecodeIds(CellVector.Encode(3, i => week2[i]), accounts));

        // Assert
        accounts.Count.ShouldBe(4);
        ReferenceEquals(keys1[1], keys2[2]).ShouldBeTrue("a2 is one string for both weeks");
        keys1.RowOf("a4").ShouldBe(-1);
        keys2.RowOf("a4").ShouldBe(0);
        keys1.RowOf("a3").ShouldBe(2);
        keys2.RowOf("a3").ShouldBe(1);
        keys2.RowOf("a1").ShouldBe(-1);
    }

    /// <summary>Every number the very double recorded (-0 and NaN included), every empty still empty.</summary>
    private static void ShouldReadBackBitForBit(HistoryVector vector, object?[] cells)
    {
        vector.Count.ShouldBe(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is double expected)
            {
                BitConverter.DoubleToInt64Bits(vector[i].ShouldBeOfType<double>()).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"cell {i}");
            }
            else
            {
                vector[i].ShouldBeNull();
            }
        }
    }
}
