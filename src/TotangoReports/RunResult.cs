using TotangoReports.Data;
using TotangoReports.Delivery;

namespace TotangoReports;

/// <summary>What a successful run produced.</summary>
public sealed class RunResult
{
    public required Report Report { get; init; }

    public required RunManifest Manifest { get; init; }

    /// <summary>Full paths of every file written (outputs, then the manifest).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    public bool EmailSent { get; init; }
}
