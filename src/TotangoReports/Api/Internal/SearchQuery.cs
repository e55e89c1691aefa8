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

    /// <summary>The query with other terms (a <c>split_by</c> range) or another sort (a range's bounds); <paramref name="offset"/> is a record index (for events it becomes the page number <c>offset / count</c>).</summary>
    /// <remarks>Events pages keep one <paramref name="count"/>, so the record index is a multiple of it.</remarks>
    public static string Build(SearchDefinition search, string termsJson, int offset, int count, string? sortBy, bool descending)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("terms");
            writer.WriteRawValue(termsJson);
            WriteFields(writer, "fields", search.Fields);
            if (search.Entity == SearchEntity.Users)
            {
                WriteFields(writer, "parent_account_fields", search.ParentFields);
            }

            // Events: offset is a page number, and the query has no scope or sort (totango-search-api.md "Events").
            writer.WriteNumber("offset", search.Entity == SearchEntity.Events ? offset / count : offset);
            writer.WriteNumber("count", count);
            if (search.Entity != SearchEntity.Events)
            {
                writer.WriteString("scope", "all");
                if (sortBy is not null)
                {
                    writer.WriteString("sort_by", sortBy);
                }

                writer.WriteString("sort_order", descending ? "DESC" : "ASC");
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter writer, string name, IReadOnlyList<SearchField> fields)
    {
        writer.WriteStartArray(name);
        foreach (var field in fields)
        {
            writer.WriteRawValue(field.SpecJson);
        }

        writer.WriteEndArray();
    }

    /// <summary>How errors and logs name the query: the endpoint and offset, never the token.</summary>
    /// <param name="offset">The query's offset: a record index, or for events a page number.</param>
    public static string Describe(SearchEntity entity, int offset) =>
        $"search/{Path(entity)} {(entity == SearchEntity.Events ? "page" : "offset")} {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The entity's name: the key its hits come under (<c>response.&lt;name&gt;.hits</c>).</summary>
    public static string Path(SearchEntity entity) => entity switch
    {
        SearchEntity.Users => "users",
        SearchEntity.Events => "events",
        _ => "accounts",
    };

    /// <summary>The endpoint, relative to the base URL.</summary>
    public static string Endpoint(SearchEntity entity) =>
        entity == SearchEntity.Events ? "api/v2/events/search" : "api/v1/search/" + Path(entity);
}
