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
