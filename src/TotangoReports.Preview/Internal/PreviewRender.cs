using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Preview.Internal;

/// <summary>One rendered output, in memory.</summary>
internal sealed record RenderedOutput(int Index, OutputDefinition Output, byte[] Bytes);

/// <summary>A problem shown in the page: where, what, and the offending line of that file.</summary>
internal sealed record ShownDiagnostic(string Where, string Message, bool IsError, string? Line, int Column);

/// <summary>
/// The result of one render: the report and its outputs when it succeeded, every diagnostic either way. The page
/// shows the newest one, and beside a failed one the last that succeeded.
/// </summary>
internal sealed class PreviewRender
{
    public required long Version { get; init; }

    public required DateTimeOffset At { get; init; }

    public required TimeSpan Took { get; init; }

    public required IReadOnlyList<ShownDiagnostic> Diagnostics { get; init; }

    public Report? Report { get; init; }

    public IReadOnlyList<RenderedOutput> Outputs { get; init; } = [];

    /// <summary>
    /// The PDF outputs, rendered when the page first asks for their pages, after it has shown everything else: the
    /// slowest output stays off the path from a save to the page. Keyed by the output's index.
    /// </summary>
    public IReadOnlyDictionary<int, Lazy<Task<byte[]>>> LateOutputs { get; init; } = new Dictionary<int, Lazy<Task<byte[]>>>();

    /// <summary>How a good render is shown (warnings, summary, every output), built once right after rendering.</summary>
    public string Shown { get; init; } = string.Empty;

    /// <summary>What stopped the render (a definition, template, data or render failure), or null.</summary>
    public string? Failure { get; init; }

    public bool Succeeded => Failure is null;
}
