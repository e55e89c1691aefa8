using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>
/// The <c>split_by</c> field of a search dataset as range terms: <c>{type, attribute, gte, lt}</c> (the last range
/// <c>lte</c>) added to the dataset's terms, so each piece is a query of its own under the 10,000 cap. How the
/// server names range bounds is not documented for accounts; <c>gte</c>/<c>lt</c> are what its events terms take.
/// </summary>
internal sealed class SearchRange
{
    private readonly JsonObject _spec;

    private SearchRange(SearchField field, JsonObject spec)
    {
        Field = field;
        _spec = spec;
    }

    public SearchField Field { get; }

    /// <summary>What <c>sort_by</c> orders by this field (its attribute or term), to find the lowest and highest values.</summary>
    public string SortKey => (_spec["attribute"] ?? _spec["term"])!.GetValue<string>();

    public static SearchRange For(SearchDefinition search)
    {
        var field = search.Fields.First(f => f.Name == search.SplitBy);
        return new SearchRange(field, JsonNode.Parse(field.SpecJson)!.AsObject());
    }

    /// <summary>The dataset's terms plus <c>low ≤ value &lt; high</c> (<c>≤ high</c> when <paramref name="lastRange"/>).</summary>
    public string Terms(string termsJson, double low, double high, bool lastRange)
    {
        var terms = JsonNode.Parse(termsJson)!.AsArray();
        var range = new JsonObject { ["type"] = _spec["type"]!.GetValue<string>() };
        var key = _spec.ContainsKey("attribute") ? "attribute" : "term";
        range[key] = SortKey;
        range["gte"] = low;
        range[lastRange ? "lte" : "lt"] = high;
        terms.Add(range);
        return terms.ToJsonString();
    }

    /// <summary>The split field's value in a mapped record, as a number (dates in ms), or null.</summary>
    public double? ValueOf(JsonElement record) =>
        record.TryGetProperty("fields", out var fields) && fields.TryGetProperty(Field.Name, out var value) ? Number(value) : null;

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t.ToUnixTimeMilliseconds(),
        _ => null,
    };
}
