using System.Text.Json;
using System.Text.Json.Serialization;

namespace TotangoReports.Delivery;

/// <summary><c>run.json</c> (PRODUCT.md §5): what ran, on what, what it read and what it wrote. Never the token.</summary>
public sealed class RunManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string FileName = "run.json";

    /// <summary>
    /// Written instead of <see cref="FileName"/> when a list could not be read whole (exit 5): the previous report and
    /// its manifest stay as they were; this file says what was missing. A later successful run removes it.
    /// </summary>
    public const string IncompleteFileName = "run.incomplete.json";

    /// <summary>Every dataset read whole and every output written.</summary>
    public const string StatusComplete = "complete";

    /// <summary>Written with <c>--allow-partial</c>: outputs exist but some dataset has gaps (see its <c>gaps</c>).</summary>
    public const string StatusPartial = "partial";

    /// <summary>Exit 5: a list could not be read whole, no output was changed; the datasets say what was missing.</summary>
    public const string StatusIncomplete = "incomplete";

    public string Status { get; init; } = StatusComplete;

    public required string Definition { get; init; }

    public required string Title { get; init; }

    /// <summary><c>sample</c>, <c>snapshot:DIR</c> or the API base URL.</summary>
    public required string Source { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; set; }

    public required IReadOnlyDictionary<string, ManifestDataset> Datasets { get; init; }

    public List<ManifestOutput> Outputs { get; } = [];

    public ManifestEmail? Email { get; set; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Since">recent/past datasets: the <c>since</c> sent to the API, unix seconds (what the next <c>last-run</c> builds on).</param>
public sealed record ManifestDataset(int Rows, long TotalItems, int Pages, int Requests, int Retries, bool Complete, IReadOnlyList<string>? Gaps, long? Since = null)
{
    public static ManifestDataset From(int rows, Api.FetchSummary fetch, long? since) =>
        new(rows, fetch.TotalItems, fetch.Pages, fetch.Requests, fetch.Retries, fetch.Complete, fetch.Gaps.Count > 0 ? fetch.Gaps : null, since);
}

public sealed record ManifestOutput(string Format, string Path, long Bytes, string Sha256);

public sealed record ManifestEmail(int Recipients, string Subject, IReadOnlyList<string> Attachments, long MessageBytes);
