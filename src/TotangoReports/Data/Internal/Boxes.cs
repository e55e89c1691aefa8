namespace TotangoReports.Data.Internal;

/// <summary>
/// Shared boxes for the small whole numbers that fill most cells (counts, scores): 100,000 rows × a dozen numeric
/// cells would otherwise each carry their own 24-byte box.
/// </summary>
internal static class Boxes
{
    private const int Cached = 4096;
    private static readonly object[] Small = Enumerable.Range(0, Cached).Select(i => (object)(double)i).ToArray();

    public static object Of(double value) =>
        value >= 0 && value < Cached && value == Math.Floor(value) && !double.IsNegative(value) ? Small[(int)value] : value;
}
