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

    /// <summary>The version of the tool that wrote this manifest.</summary>
    public string Tool { get; init; } = ToolVersion;

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

    /// <summary>Definitions with <c>since: last-run</c>: whether this run moved the watermark, and why not.</summary>
    public ManifestWatermark? Watermark { get; set; }

    /// <summary><c>totango-reports</c> and the library's informational version (without the commit suffix).</summary>
    public static string ToolVersion { get; } = "totango-reports " +
        ((typeof(RunManifest).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).FirstOrDefault() as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>
    /// The definition as <c>run.json</c> names it: relative to the output folder (where the manifest lies), with
    /// '/' separators, so a manifest copied or mailed elsewhere does not reveal the machine's folders.
    /// </summary>
    public static string RelativeDefinitionPath(string definitionPath, string outputDirectory) =>
        Path.GetRelativePath(Path.GetFullPath(outputDirectory), Path.GetFullPath(definitionPath)).Replace(Path.DirectorySeparatorChar, '/');

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Since">recent/past datasets: the <c>since</c> sent to the API, unix seconds (what the next <c>last-run</c> builds on).</param>
public sealed record ManifestDataset(int Rows, long TotalItems, int Pages, int Requests, int Retries, bool Complete, IReadOnlyList<string>? Gaps, long? Since = null)
{
    public static ManifestDataset From(int rows, Data.FetchSummary fetch, long? since) =>
        new(rows, fetch.TotalItems, fetch.Pages, fetch.Requests, fetch.Retries, fetch.Complete, fetch.Gaps.Count > 0 ? fetch.Gaps : null, since);
}

public sealed record ManifestOutput(string Format, string Path, long Bytes, string Sha256);

/// <param name="Status"><c>sent</c>, or <c>skipped</c> with the <paramref name="Reason"/>.</param>
public sealed record ManifestEmail(int Recipients, string? Subject, IReadOnlyList<string> Attachments, long MessageBytes, string Status = ManifestEmail.Sent, string? Reason = null)
{
    public const string Sent = "sent";

    public const string Skipped = "skipped";
}

/// <param name="Moved">Whether this run moved the <c>since: last-run</c> watermark.</param>
/// <param name="Reason">Why it stayed, when it did.</param>
public sealed record ManifestWatermark(bool Moved, string? Reason);
