using System.Text.Json.Serialization;

namespace TotangoReports.Api.Internal;

/// <summary>The <c>index.json</c> of a snapshot directory: which request produced which page file.</summary>
internal sealed record SnapshotIndex
{
    public const string FileName = "index.json";

    public const string FormatName = "totango-reports-snapshot";

    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatName;

    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    [JsonPropertyName("pages")]
    public IReadOnlyList<SnapshotEntry> Pages { get; init; } = [];
}
