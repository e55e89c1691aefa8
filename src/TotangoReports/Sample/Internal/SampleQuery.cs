using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Sample.Internal;

/// <summary>The parts of a Search API <c>query</c> every entity takes, checked as the server would (or the refusal).</summary>
internal sealed record SampleQuery(JsonElement Terms, JsonElement Fields, int Offset, int Count)
{
    /// <summary>Reads <paramref name="query"/>; returns null and the <c>status: "failed"</c> body when it is refused.</summary>
    /// <param name="pageNumbers">Events: <c>offset</c> is a page number, so the last record asked is <c>(offset + 1) · count</c>.</param>
    public static SampleQuery? Read(JsonElement query, bool pageNumbers, out byte[]? refusal)
    {
        refusal = null;
        if (query.ValueKind != JsonValueKind.Object || !query.TryGetProperty("terms", out var terms) || terms.ValueKind != JsonValueKind.Array ||
            !query.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            refusal = SampleSearch.Failed("query must be an object with 'terms' and 'fields' arrays");
            return null;
        }

        var offset = SampleSearch.Int(query, "offset", 0);
        var count = SampleSearch.Int(query, "count", SearchDefinition.MaxCount);
        if (count is < 1 or > SearchDefinition.MaxCount || offset < 0)
        {
            refusal = SampleSearch.Failed("count must be 1..1000 and offset not negative");
            return null;
        }

        var last = pageNumbers ? ((long)offset + 1) * count : (long)offset + count;
        if (last > SearchDefinition.RecordCap)
        {
            refusal = SampleSearch.Failed("Result window is too large: offset + count must be less than or equal to 10000");
            return null;
        }

        return new SampleQuery(terms, fields, pageNumbers ? offset * count : offset, count);
    }

    /// <summary>Parses the form field; a body that is not JSON is refused as the server does.</summary>
    public static JsonDocument? Parse(string queryJson, out byte[]? refusal)
    {
        refusal = null;
        try
        {
            return JsonDocument.Parse(queryJson);
        }
        catch (JsonException ex)
        {
            refusal = SampleSearch.Failed($"query is not valid JSON: {ex.Message}");
            return null;
        }
    }
}
