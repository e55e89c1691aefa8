using System.Text;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>The JSON of the form field <c>query</c> for one page of a search dataset.</summary>
internal static class SearchQuery
{
    /// <summary>The query with the dataset's own terms and sort.</summary>
    public static string Build(SearchDefinition search, int offset, int count) =>
        Build(search, search.TermsJson, offset, count, search.SortBy, search.Descending);

    /// <summary>The query with other terms (a <c>split_by</c> range) or another sort (a range's bounds).</summary>
    public static string Build(SearchDefinition search, string termsJson, int offset, int count, string? sortBy, bool descending)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("terms");
            writer.WriteRawValue(termsJson);
            writer.WriteStartArray("fields");
            foreach (var field in search.Fields)
            {
                writer.WriteRawValue(field.SpecJson);
            }

            writer.WriteEndArray();
            writer.WriteNumber("offset", offset);
            writer.WriteNumber("count", count);
            writer.WriteString("scope", "all");
            if (sortBy is not null)
            {
                writer.WriteString("sort_by", sortBy);
            }

            writer.WriteString("sort_order", descending ? "DESC" : "ASC");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>How errors and logs name the query: the endpoint and offset, never the token.</summary>
    public static string Describe(SearchEntity entity, int offset) =>
        $"search/{Path(entity)} offset {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Path(SearchEntity entity) => entity == SearchEntity.Users ? "users" : "accounts";
}
