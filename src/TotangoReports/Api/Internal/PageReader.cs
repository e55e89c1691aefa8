using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Scans the active-list response envelope with a <see cref="Utf8JsonReader"/> (validating all of it), noting where
/// each account lies instead of building one document for the page: a JsonDocument over a megabyte page costs
/// about three times the page in large, short-lived arrays. Tolerant of numbers sent as strings.
/// </summary>
internal static class PageReader
{
    public static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Throws <see cref="TotangoApiException"/> naming the list and page for bad JSON or an error body.</summary>
    public static ParsedPage Parse(ReadOnlyMemory<byte> body, ActiveListQuery query, int offset, string pageLabel, IDisposable? lease = null)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            // RFC 8259 §8.1: a parser may ignore a byte order mark; some proxies add one.
            body = body[3..];
        }

        var ranges = new List<Range>();
        var ids = new List<string?>();
        long? total = null;
        int? headerLength = null;
        string? error = null;
        string? softError = null;
        var sawAccounts = false;
        try
        {
            var reader = new Utf8JsonReader(body.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(query, pageLabel, "the body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "accounts" when reader.TokenType == JsonTokenType.StartArray:
                        sawAccounts = true;
                        ReadAccounts(ref reader, ranges, ids);
                        break;
                    case "total_items":
                        total = ReadLong(ref reader);
                        break;
                    case "response_header" when reader.TokenType == JsonTokenType.StartObject:
                        headerLength = ReadHeaderLength(ref reader);
                        break;
                    case "_error" when reader.TokenType != JsonTokenType.Null:
                        error = ReadText(ref reader);
                        break;
                    case "error" or "message" when reader.TokenType != JsonTokenType.Null:
                        softError ??= ReadText(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Reading to the end validates the whole body: a cut-short page fails here, not halfway through delivery.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"Malformed JSON from the Totango API for {QueryText.Describe(query)}, {pageLabel} (offset {offset}, {body.Length} bytes): {ex.Message} The response was probably cut short; try again."),
                ex);
        }

        error ??= sawAccounts ? null : softError;
        if (error is not null)
        {
            throw new TotangoApiException($"The Totango API answered an error for {QueryText.Describe(query)}, {pageLabel}: {Trim(error)}");
        }

        if (!sawAccounts)
        {
            throw Unexpected(query, pageLabel, "no 'accounts' array");
        }

        return new ParsedPage(body, ranges, ids, total, headerLength, offset, lease);
    }

    private static void ReadAccounts(ref Utf8JsonReader reader, List<Range> ranges, List<string?> ids)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            string? id = null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = reader.ValueTextEquals("account_id"u8);
                    reader.Read();
                    if (isId)
                    {
                        id = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                            _ => null,
                        };
                    }

                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }

            ranges.Add(new Range(start, (int)reader.BytesConsumed));
            ids.Add(id);
        }
    }

    private static int? ReadHeaderLength(ref Utf8JsonReader reader)
    {
        int? length = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLength = reader.ValueTextEquals("length"u8);
            reader.Read();
            if (isLength)
            {
                length = (int?)ReadLong(ref reader);
            }

            reader.Skip();
        }

        return length;
    }

    private static long? ReadLong(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // 1e19 or 1e400 must not wrap round to a negative count: saturate.
            return reader.TryGetInt64(out var n) ? n : Saturate(reader.GetDouble());
        }

        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
        {
            return s;
        }

        reader.Skip();
        return null;
    }

    private static long Saturate(double value) =>
        value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;

    private static string ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() ?? string.Empty;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return "(non-text error at byte " + start.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>
    /// Shortens a server message at a word boundary, so that a secret it may echo (a token has no spaces) is either
    /// whole — and redacted by the caller — or absent, never cut in half.
    /// </summary>
    private static string Trim(string text)
    {
        const int Limit = 300;
        if (text.Length <= Limit)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\t', '\n', '\r'], Limit);
        return cut <= 0 ? "(a " + text.Length.ToString(CultureInfo.InvariantCulture) + "-character message)" : text[..cut] + " …";
    }

    private static TotangoApiException Unexpected(ActiveListQuery query, string pageLabel, string what) =>
        new($"Unexpected response from the Totango API for {QueryText.Describe(query)}, {pageLabel}: {what}. Is Totango:BaseUrl right?");
}
