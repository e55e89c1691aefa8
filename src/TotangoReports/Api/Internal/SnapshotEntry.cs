using System.Text.Json.Serialization;

namespace TotangoReports.Api.Internal;

/// <summary>One saved page in a snapshot's <c>index.json</c>: the request that produced it and the file holding it.</summary>
internal sealed record SnapshotEntry
{
    [JsonPropertyName("list")]
    public required string List { get; init; }

    [JsonPropertyName("endpoint")]
    public required string Endpoint { get; init; }

    /// <summary>The <c>return</c> sent; null for the summary.</summary>
    [JsonPropertyName("return")]
    public string? Return { get; init; }

    [JsonPropertyName("since")]
    public long? Since { get; init; }

    [JsonPropertyName("offset")]
    public required int Offset { get; init; }

    [JsonPropertyName("length")]
    public required int Length { get; init; }

    /// <summary>
    /// A Search API page: the form field <c>query</c> exactly as sent (then <see cref="List"/> is <c>search</c> and
    /// <see cref="Endpoint"/> the entity); null for a List API page.
    /// </summary>
    [JsonPropertyName("query")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Query { get; init; }

    /// <summary>Path relative to the snapshot directory, with '/' separators.</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }
}
