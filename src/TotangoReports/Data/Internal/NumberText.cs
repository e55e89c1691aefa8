using System.Globalization;

namespace TotangoReports.Data.Internal;

/// <summary>Numbers to and from text, always invariant: "2", " 90 ", "1.5e3" parse; "1,000" and "abc" don't.</summary>
internal static class NumberText
{
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>2^53: above it a double no longer holds every integer, so an id would silently become its neighbour.</summary>
    public const double ExactIntegerLimit = 9_007_199_254_740_992d;

    /// <summary>
    /// True for plain integer text ("-12345678901234567890", no fraction or exponent) whose magnitude is above 2^53:
    /// such a value is an id, and read as a double it would lose digits, so it is kept as its text.
    /// </summary>
    public static bool IsInexactInteger(string? text)
    {
        var digits = text.AsSpan().Trim();
        if (digits.Length > 0 && digits[0] is '-' or '+')
        {
            digits = digits[1..];
        }

        // 2^53 has 16 digits: fewer are always exact, and a non-digit means a fraction, an exponent or no number.
        if (digits.Length < 16 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return System.Numerics.BigInteger.Abs(System.Numerics.BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)) > new System.Numerics.BigInteger(ExactIntegerLimit);
    }

    /// <summary>An integer from an expression (long, ulong, BigInteger) above 2^53, as its exact digits; null otherwise.</summary>
    public static string? InexactIntegerText(object? value) => value switch
    {
        long l when l is > 9_007_199_254_740_992L or < -9_007_199_254_740_992L => l.ToString(CultureInfo.InvariantCulture),
        ulong ul when ul > ExactIntegerLimit => ul.ToString(CultureInfo.InvariantCulture),
        System.Numerics.BigInteger bi when System.Numerics.BigInteger.Abs(bi) > new System.Numerics.BigInteger(ExactIntegerLimit) => bi.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A CLR number from an expression as a double; null for anything that isn't a finite number.</summary>
    public static double? FromClr(object? value) => value switch
    {
        double d => double.IsFinite(d) ? d : null,
        float f => float.IsFinite(f) ? f : null,
        int i => i,
        long l => l,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        System.Numerics.BigInteger bi => (double)bi,
        _ => null,
    };

    public static bool IsClrNumber(object? value) => value is double or float or int or long or decimal or short or byte
        or sbyte or ushort or uint or ulong or System.Numerics.BigInteger;
}
