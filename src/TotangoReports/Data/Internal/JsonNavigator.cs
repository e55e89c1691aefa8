using System.Text.Encodings.Web;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>Walks a <see cref="RecordPath"/> into one account; anything absent on the way is simply "not found".</summary>
internal static class JsonNavigator
{
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        Indented = false,
        // Cells are text for people, and every renderer escapes for its own format.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool TryGet(JsonElement root, IReadOnlyList<PathSegment> segments, out JsonElement value)
    {
        value = root;
        // By index: a foreach over the interface boxes an enumerator per call, and this runs per account per path column.
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (segment.Index is { } index)
            {
                if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
            }
            else if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment.Name!, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Undefined;
    }

    public static bool TryGet(JsonElement root, string key, out JsonElement value)
    {
        value = default;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out value);
    }

    /// <summary>Objects and arrays shown in a cell: compact JSON, non-ASCII kept readable.</summary>
    public static string CompactText(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A count as the API sends it: a number or a numeric string; anything else is absent.</summary>
    public static double? ReadCount(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when NumberText.TryParse(element.GetString(), out var d) => d,
        _ => null,
    };

    /// <summary>A unix-milliseconds timestamp: a number or a numeric string.</summary>
    public static long? ReadUnixMilliseconds(JsonElement element)
    {
        var value = ReadCount(element);
        return value is { } d && double.IsFinite(d) && Math.Abs(d) < 8.64e15 ? (long)d : null;
    }

    public static string? ReadText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object or JsonValueKind.Array => CompactText(element),
        _ => null,
    };
}
