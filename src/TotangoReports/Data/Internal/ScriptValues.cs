using System.Text.Json;
using Scriban.Runtime;

namespace TotangoReports.Data.Internal;

/// <summary>Data as expressions see it: plain Scriban objects, arrays and scalars, never CLR objects with members.</summary>
internal static class ScriptValues
{
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ScriptObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = FromJson(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new ScriptArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(FromJson(item));
                }

                return array;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    return whole;
                }

                // Above long: an integer stays exact as a BigInteger (Scriban computes with it), so an id keeps its digits.
                var raw = element.GetRawText();
                return NumberText.IsInexactInteger(raw)
                    ? System.Numerics.BigInteger.Parse(raw, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)
                    : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>Joins the same account from two return types: keys the first record lacks are added from the second.</summary>
    public static object? Merge(object? kept, object? other)
    {
        if (kept is ScriptObject keptObject && other is ScriptObject otherObject)
        {
            foreach (var (key, value) in otherObject)
            {
                keptObject[key] = keptObject.TryGetValue(key, out var existing) ? Merge(existing, value) : value;
            }

            return keptObject;
        }

        return kept ?? other;
    }

    /// <summary>A cell as expressions see it: dates become Scriban-friendly <see cref="DateTime"/> clock times in the report zone.</summary>
    public static object? FromCell(object? cell) => cell switch
    {
        DateOnly day => day.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset instant => instant.DateTime,
        _ => cell,
    };
}
