using System.Buffers;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>
/// One Search API answer read: <c>total_hits</c>, and each hit mapped to a record shaped like a List API account
/// (<c>name</c> → <c>account_id</c>, <c>display_name</c> → <c>name</c>, <c>selected_fields[i]</c> →
/// <c>fields.&lt;name of fields[i]&gt;</c>, every other key as sent, times in ms), so paths, expressions and
/// renderers read both sources alike. Users and events keep their account's id as <c>account_id</c> too (see
/// <see cref="WriteUser"/>, <see cref="WriteEvent"/>), so every record joins other datasets on its account.
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
                if (hit.ValueKind != JsonValueKind.Object || RowKey(hit, search.Entity) is not { } key)
                {
                    continue;
                }

                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    switch (search.Entity)
                    {
                        case SearchEntity.Users: WriteUser(writer, hit, search); break;
                        case SearchEntity.Events: WriteEvent(writer, hit); break;
                        default: WriteRecord(writer, hit, search.Fields, "account_id"); break;
                    }
                }

                using var record = JsonDocument.Parse(buffer.WrittenMemory);
                onRecord(key, record.RootElement);
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

    /// <summary>
    /// What makes a hit one row, or null for a hit without an id: the account id; for a user, the parent account's
    /// id and the user's (a user of two accounts is two rows); for an event, its id.
    /// </summary>
    private static string? RowKey(JsonElement hit, SearchEntity entity) => entity switch
    {
        SearchEntity.Users => Id(hit, "name") is { } user ? (Id(Parent(hit), "name") ?? Id(Parent(hit), "id") ?? string.Empty) + "\u001f" + user : null,
        SearchEntity.Events => Id(hit, "id"),
        _ => Id(hit, "name"),
    };

    private static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null;

    // Where a user hit carries its parent account is not documented: parent_account (what the emulator sends) or account.
    private static JsonElement Parent(JsonElement hit) =>
        hit.TryGetProperty("parent_account", out var parent) && parent.ValueKind == JsonValueKind.Object ? parent
        : hit.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object ? account
        : default;

    /// <summary>
    /// A user: <c>name</c> → <c>user_id</c>, <c>display_name</c> → <c>name</c>, <c>selected_fields</c> →
    /// <c>fields</c>, and the parent account as <c>account_id</c>, <c>account_name</c> and <c>account</c>
    /// (<c>account_id</c>, <c>name</c>, its <c>parent_account_fields</c> as <c>account.fields</c>), so a row joins
    /// other datasets on its account.
    /// </summary>
    private static void WriteUser(Utf8JsonWriter writer, JsonElement hit, SearchDefinition search)
    {
        var parent = Parent(hit);
        writer.WriteStartObject();
        WriteProperties(writer, hit, "user_id", "parent_account", "account");
        WriteIdAndName(writer, parent, "account_id", "account_name");
        WriteFields(writer, hit, search.Fields);
        writer.WriteStartObject("account");
        WriteIdAndName(writer, parent, "account_id", "name");
        WriteFields(writer, parent, search.ParentFields);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>An event: <c>id</c> → <c>event_id</c>, its account's id and name as <c>account_id</c> and <c>name</c>; the rest as sent.</summary>
    private static void WriteEvent(Utf8JsonWriter writer, JsonElement hit)
    {
        var account = hit.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        writer.WriteStartObject();
        foreach (var property in hit.EnumerateObject())
        {
            if (property.Name == "id")
            {
                writer.WritePropertyName("event_id");
                property.Value.WriteTo(writer);
            }
            else if (property.Name is not ("account_id" or "name" or "event_id"))
            {
                property.WriteTo(writer);
            }
        }

        WriteIdAndName(writer, account, "account_id", "name", idKey: "id");
        writer.WriteEndObject();
    }

    private static void WriteIdAndName(Utf8JsonWriter writer, JsonElement from, string idName, string nameName, string? idKey = null)
    {
        if (from.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if ((idKey is not null && from.TryGetProperty(idKey, out var id)) || from.TryGetProperty("name", out id) || from.TryGetProperty("id", out id))
        {
            writer.WritePropertyName(idName);
            id.WriteTo(writer);
        }

        if (from.TryGetProperty("display_name", out var display))
        {
            writer.WritePropertyName(nameName);
            display.WriteTo(writer);
        }
    }

    // Every key as sent but the id and name (renamed) and those the record gives a meaning of its own.
    private static void WriteProperties(Utf8JsonWriter writer, JsonElement hit, string idName, params string[] skip)
    {
        foreach (var property in hit.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name":
                    writer.WritePropertyName(idName);
                    property.Value.WriteTo(writer);
                    break;
                case "display_name":
                    writer.WritePropertyName("name");
                    property.Value.WriteTo(writer);
                    break;
                case "selected_fields" or "account_id" or "fields" or "user_id" or "account_name":
                    break;
                default:
                    if (Array.IndexOf(skip, property.Name) < 0)
                    {
                        property.WriteTo(writer);
                    }

                    break;
            }
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, JsonElement hit, IReadOnlyList<SearchField> fields, string idName)
    {
        writer.WriteStartObject();
        WriteProperties(writer, hit, idName);
        WriteFields(writer, hit, fields);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, JsonElement hit, IReadOnlyList<SearchField> fields)
    {
        writer.WriteStartObject("fields");
        if (hit.ValueKind == JsonValueKind.Object && hit.TryGetProperty("selected_fields", out var selected) && selected.ValueKind == JsonValueKind.Array)
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
    }
}
