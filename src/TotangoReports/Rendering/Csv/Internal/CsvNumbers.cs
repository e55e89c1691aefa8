namespace TotangoReports.Rendering.Csv.Internal;

/// <summary>Chooses a format that reads back as the same number without binary noise.</summary>
internal static class CsvNumbers
{
    // Below 1e21 "F0" prints an integral double's exact digits (no exponent, so 1234567890123456 stays intact).
    private const double IntegralLimit = 1e21;

    /// <summary>
    /// Integral values print exactly ("F0"); fractions print with 15 significant digits ("G15"), Excel's own precision,
    /// so 0.1 + 0.2 reads 0.3 and not 0.30000000000000004.
    /// </summary>
    public static string FormatFor(double value) =>
        Math.Abs(value) < IntegralLimit && value == Math.Truncate(value) ? "F0" : "G15";
}
