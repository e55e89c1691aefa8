using System.Globalization;
using System.Text.Json;

namespace TotangoReports.Api.Internal;

/// <summary>Parses the active-list response envelope with System.Text.Json, tolerant of numbers sent as strings.</summary>
internal static class PageReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Throws <see cref="TotangoApiException"/> naming the list and page for bad JSON or an <c>_error</c> body.</summary>
    public static ParsedPage Parse(ReadOnlyMemory<byte> body, ActiveListQuery query, int offset, string pageLabel)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"Malformed JSON from the Totango API for {QueryText.Describe(query)}, {pageLabel} (offset {offset}, {body.Length} bytes): {ex.Message} The response was probably cut short; try again."),
                ex);
        }

        try
        {
            var root = document.RootElement;
            if (ErrorBody.TryGetError(root, out var message))
            {
                throw new TotangoApiException($"The Totango API answered an error for {QueryText.Describe(query)}, {pageLabel}: {message}");
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accounts", out var accounts) || accounts.ValueKind != JsonValueKind.Array)
            {
                throw new TotangoApiException(
                    $"Unexpected response from the Totango API for {QueryText.Describe(query)}, {pageLabel}: no 'accounts' array. Is Totango:BaseUrl right?");
            }

            var ids = new List<string?>(accounts.GetArrayLength());
            foreach (var account in accounts.EnumerateArray())
            {
                ids.Add(AccountId(account));
            }

            long? total = ReadLong(root, "total_items");
            int? headerLength = root.TryGetProperty("response_header", out var header) && header.ValueKind == JsonValueKind.Object
                ? (int?)ReadLong(header, "length")
                : null;
            return new ParsedPage(document, accounts, ids, total, headerLength, offset);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary><c>account_id</c> as text whether sent as a string or a number.</summary>
    public static string? AccountId(JsonElement account)
    {
        if (account.ValueKind != JsonValueKind.Object || !account.TryGetProperty("account_id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static long? ReadLong(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
        {
            return n;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d))
        {
            return (long)d;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
    }
}
