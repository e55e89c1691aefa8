using System.Buffers;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>
/// One Search API answer read: <c>total_hits</c>, and each hit mapped to a record shaped like a List API account
/// (<c>name</c> → <c>account_id</c>, <c>display_name</c> → <c>name</c>, <c>selected_fields[i]</c> →
/// <c>fields.&lt;name of fields[i]&gt;</c>, every other key as sent, times in ms), so paths, expressions and
/// renderers read both sources alike.
/// </summary>
internal static class SearchPage
{
    /// <summary>
    /// Parses <paramref name="body"/> and hands each hit, as a record, to <paramref name="onRecord"/> (valid during the
    /// call only). Returns <c>total_hits</c> and the number of hits. Throws <see cref="TotangoApiException"/> for
    /// <c>status: "failed"</c> (with the API's <c>_error</c>) and for a body that is not a search answer.
    /// </summary>
    public static (long TotalHits, int Hits) Read(ReadOnlySpan<byte> body, SearchDefinition search, string what, Action<string, JsonElement> onRecord)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new TotangoApiException($"The Totango Search API answered {what} with a body that is not JSON ({ex.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TotangoApiException($"The Totango Search API answered {what} with a body that is not a JSON object.");
            }

            if (Failure(root) is { } message)
            {
                throw new TotangoApiException($"The Totango Search API refused {what}: {message}");
            }

            var entity = SearchQuery.Path(search.Entity);
            if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object ||
                !response.TryGetProperty(entity, out var result) || result.ValueKind != JsonValueKind.Object ||
                !result.TryGetProperty("hits", out var hits) || hits.ValueKind != JsonValueKind.Array)
            {
                throw new TotangoApiException($"The Totango Search API answered {what} without response.{entity}.hits.");
            }

            var total = result.TryGetProperty("total_hits", out var t) && t.TryGetInt64(out var n) ? n : -1;
            var count = 0;
            var buffer = new ArrayBufferWriter<byte>(4096);
            foreach (var hit in hits.EnumerateArray())
            {
                count++;
                if (hit.ValueKind != JsonValueKind.Object || !hit.TryGetProperty("name", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    continue;
                }

                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    WriteRecord(writer, hit, search.Fields);
                }

                using var record = JsonDocument.Parse(buffer.WrittenMemory);
                onRecord(id.ToString(), record.RootElement);
            }

            return (total < 0 ? count : total, count);
        }
    }

    /// <summary>The API's message when the body says <c>status: "failed"</c> (HTTP 200 or not), else null.</summary>
    public static string? Failure(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? Failure(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Failure(JsonElement root) =>
        root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() != "success"
            ? (root.TryGetProperty("_error", out var error) ? error.ToString() : "(no message)")
            : null;

    private static void WriteRecord(Utf8JsonWriter writer, JsonElement hit, IReadOnlyList<SearchField> fields)
    {
        writer.WriteStartObject();
        foreach (var property in hit.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name":
                    writer.WritePropertyName("account_id");
                    property.Value.WriteTo(writer);
                    break;
                case "display_name":
                    writer.WritePropertyName("name");
                    property.Value.WriteTo(writer);
                    break;
                case "selected_fields" or "account_id" or "fields":
                    break;
                default:
                    property.WriteTo(writer);
                    break;
            }
        }

        writer.WriteStartObject("fields");
        if (hit.TryGetProperty("selected_fields", out var selected) && selected.ValueKind == JsonValueKind.Array)
        {
            // Positional: item i answers fields[i]; a short array leaves the rest absent (empty cells).
            var i = 0;
            foreach (var value in selected.EnumerateArray())
            {
                if (i >= fields.Count)
                {
                    break;
                }

                writer.WritePropertyName(fields[i++].Name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
