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

    /// <summary>The manifest's file name beside the outputs.</summary>
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

    /// <summary><see cref="StatusComplete"/> or <see cref="StatusPartial"/> (or <see cref="StatusIncomplete"/> in run.incomplete.json).</summary>
    public string Status { get; init; } = StatusComplete;

    /// <summary>The definition's path.</summary>
    public required string Definition { get; init; }

    /// <summary>The report title.</summary>
    public required string Title { get; init; }

    /// <summary><c>sample</c>, <c>snapshot:DIR</c> or the API base URL.</summary>
    public required string Source { get; init; }

    /// <summary>Effective parameter values.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Per dataset: rows and how it was read.</summary>
    public required IReadOnlyDictionary<string, ManifestDataset> Datasets { get; init; }

    /// <summary>Every output written, with size and SHA-256.</summary>
    public List<ManifestOutput> Outputs { get; } = [];

    /// <summary>The mail sent, or null.</summary>
    public ManifestEmail? Email { get; set; }

    /// <summary>
    /// The mail per recipient: each address of the roll-up (to, cc, bcc) and of each burst value, <c>sent</c>,
    /// <c>skipped</c> or <c>failed</c> with why, and <c>pending</c> until it was tried. Empty when the run mails nothing.
    /// </summary>
    public IReadOnlyList<ManifestDelivery> Deliveries { get; init; } = [];

    /// <summary><c>burst:</c> runs: each value's folder and rows; null without <c>burst:</c>.</summary>
    public IReadOnlyList<ManifestBurst>? Bursts { get; init; }

    /// <summary>Every warning of the run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Definitions with <c>since: last-run</c>: whether this run moved the watermark, and why not.</summary>
    public ManifestWatermark? Watermark { get; set; }

    /// <summary><c>totango-reports</c> and the library's informational version (without the commit suffix).</summary>
    internal static string ToolVersion { get; } = "totango-reports " +
        ((typeof(RunManifest).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).FirstOrDefault() as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>
    /// The definition as <c>run.json</c> names it: relative to the output folder (where the manifest lies), with
    /// '/' separators, so a manifest copied or mailed elsewhere does not reveal the machine's folders.
    /// </summary>
    internal static string RelativeDefinitionPath(string definitionPath, string outputDirectory) =>
        Path.GetRelativePath(Path.GetFullPath(outputDirectory), Path.GetFullPath(definitionPath)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The manifest as indented JSON (what <c>run.json</c> holds).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Since">recent/past datasets: the <c>since</c> sent to the API, unix seconds (what the next <c>last-run</c> builds on).</param>
public sealed record ManifestDataset(int Rows, long TotalItems, int Pages, int Requests, int Retries, bool Complete, IReadOnlyList<string>? Gaps, long? Since = null)
{
    /// <summary>The manifest entry of a dataset.</summary>
    public static ManifestDataset From(int rows, Api.FetchSummary fetch, long? since) =>
        new(rows, fetch.TotalItems, fetch.Pages, fetch.Requests, fetch.Retries, fetch.Complete, fetch.Gaps.Count > 0 ? fetch.Gaps : null, since);
}

/// <summary>One output file of a run.</summary>
/// <param name="Format">xlsx, pdf, html or csv.</param>
/// <param name="Path">Path relative to the output folder.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Sha256">SHA-256 of the file, hex.</param>
public sealed record ManifestOutput(string Format, string Path, long Bytes, string Sha256);

/// <summary>The report mail of a run: sent, or skipped and why.</summary>
/// <param name="Recipients">To, Cc and Bcc together.</param>
/// <param name="Subject">The subject sent; null when the mail was skipped.</param>
/// <param name="Attachments">Attached file names.</param>
/// <param name="MessageBytes">Size of the whole message.</param>
/// <param name="Status"><c>sent</c>, or <c>skipped</c> with the <paramref name="Reason"/>.</param>
/// <param name="Reason">Why the mail was skipped, when it was.</param>
public sealed record ManifestEmail(int Recipients, string? Subject, IReadOnlyList<string> Attachments, long MessageBytes, string Status = ManifestEmail.Sent, string? Reason = null)
{
    /// <summary>The mail was sent.</summary>
    public const string Sent = "sent";

    /// <summary>The mail was not sent (see <see cref="Reason"/>).</summary>
    public const string Skipped = "skipped";

    /// <summary>Some recipient did not accept the mail (see <see cref="RunManifest.Deliveries"/>); <c>resend</c> sends it to them.</summary>
    public const string Failed = "failed";
}

/// <summary>One burst value of a run.</summary>
/// <param name="Value">The value of the burst column.</param>
/// <param name="Folder">Its folder inside the output folder.</param>
/// <param name="Rows">The rows of the summary dataset its report holds.</param>
public sealed record ManifestBurst(string Value, string Folder, int Rows);

/// <summary>One recipient of one message of a run.</summary>
/// <param name="Burst">The burst value the message is for; null for the whole report (the roll-up).</param>
/// <param name="Recipient">The address.</param>
/// <param name="Status"><c>sent</c>, <c>skipped</c>, <c>failed</c> or <c>pending</c>.</param>
/// <param name="Reason">Why it was skipped or failed.</param>
public sealed record ManifestDelivery(string? Burst, string Recipient, string Status, string? Reason = null);

/// <summary>What a run did with the <c>since: last-run</c> watermark.</summary>
/// <param name="Moved">Whether this run moved the <c>since: last-run</c> watermark.</param>
/// <param name="Reason">Why it stayed, when it did.</param>
public sealed record ManifestWatermark(bool Moved, string? Reason);
