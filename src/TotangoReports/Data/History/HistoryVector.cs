using TotangoReports.Data.Internal;

namespace TotangoReports.Data.History;

/// <summary>
/// One column of a snapshot held in memory by type: a column of numbers (the usual case: scores, counts) as a
/// <c>double[]</c> with a null mask, anything else as cells whose texts the reader shares. A boxed cell per account per
/// week was what made twelve weeks of 100,000 accounts too heavy to load.
/// </summary>
internal abstract class HistoryVector
{
    /// <summary>How many cells.</summary>
    public abstract int Count { get; }

    /// <summary>The cell of <paramref name="row"/>: string, double, DateOnly, DateTimeOffset (UTC) or null.</summary>
    public abstract object? this[int row] { get; }

    /// <summary>The cells <paramref name="cell"/> gives for rows 0 to <paramref name="count"/> - 1, held in the smallest form that keeps them.</summary>
    public static HistoryVector From(int count, Func<int, object?> cell)
    {
        var cells = new object?[count];
        var numbers = true;
        for (var i = 0; i < count; i++)
        {
            cells[i] = cell(i);
            numbers &= cells[i] is null or double;
        }

        if (!numbers)
        {
            return new Cells(cells);
        }

        var values = new double[count];
        byte[]? nulls = null;
        for (var i = 0; i < count; i++)
        {
            if (cells[i] is double number)
            {
                values[i] = number;
            }
            else
            {
                nulls ??= new byte[(count + 7) / 8];
                nulls[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new Numbers(values, nulls);
    }

    /// <summary>Numbers, with a bit set in <paramref name="nulls"/> for each empty cell (null: none is empty).</summary>
    public sealed class Numbers(double[] values, byte[]? nulls) : HistoryVector
    {
        public override int Count => values.Length;

        public override object? this[int row] =>
            nulls is not null && (nulls[row >> 3] & (1 << (row & 7))) != 0 ? null : Boxes.Of(values[row]);
    }

    /// <summary>
    /// Numbers that are whole, tenths or hundredths within ±2³¹ / <paramref name="scale"/> (scores, counts): held as
    /// <c>int</c>s times <paramref name="scale"/>, half a <c>double[]</c>. Each reads back as the exact double it was
    /// recorded as (the store kept it in this form only when value × scale ÷ scale gave that double back).
    /// </summary>
    public sealed class Scaled(int[] values, int scale, byte[]? nulls) : HistoryVector
    {
        public override int Count => values.Length;

        public override object? this[int row] =>
            nulls is not null && (nulls[row >> 3] & (1 << (row & 7))) != 0 ? null : Boxes.Of(scale == 1 ? values[row] : values[row] / (double)scale);
    }

    /// <summary>Texts from a small set (health, region, plan): a code per row into the distinct texts, a quarter of a reference array.</summary>
    public sealed class Coded(ushort[] codes, string?[] texts) : HistoryVector
    {
        public override int Count => codes.Length;

        public override object? this[int row] => texts[codes[row]];
    }

    /// <summary>Cells of any kind.</summary>
    public sealed class Cells(object?[] cells) : HistoryVector
    {
        public override int Count => cells.Length;

        public override object? this[int row] => cells[row];
    }
}
