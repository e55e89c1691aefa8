using System.Text;
using System.Text.Json;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Pulls the API's own message out of an error body (<c>_error</c>, <c>message</c>, or the text itself). The message
/// is redacted before it is shortened: cutting first could leave half a token that no redactor recognises.
/// </summary>
internal static class ErrorBody
{
    private const int MaxLength = 300;

    public static string Message(ReadOnlySpan<byte> body, Func<string, string> redact)
    {
        ArgumentNullException.ThrowIfNull(redact);
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (TryGetError(doc.RootElement, out var message, redact))
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the text.
        }

        return Shorten(redact(Encoding.UTF8.GetString(body).Trim()));
    }

    /// <summary>True when the element is an object carrying <c>_error</c> (or <c>message</c>): an error whatever the status.</summary>
    public static bool TryGetError(JsonElement root, out string message, Func<string, string>? redact = null)
    {
        message = string.Empty;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var key in (ReadOnlySpan<string>)["_error", "error", "message"])
        {
            if (root.TryGetProperty(key, out var value) && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
            {
                message = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
                message = Shorten(redact is null ? message : redact(message));

                return key == "_error" || !root.TryGetProperty("accounts", out _);
            }
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
