using TotangoReports.Data;
using TotangoReports.Delivery;

namespace TotangoReports;

/// <summary>What a successful run produced.</summary>
public sealed class RunResult
{
    /// <summary>The report that was rendered.</summary>
    public required Report Report { get; init; }

    /// <summary>What <c>run.json</c> says.</summary>
    public required RunManifest Manifest { get; init; }

    /// <summary>Full paths of every file written (outputs, then the manifest).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Whether the report mail (the whole report's or a burst value's) was accepted by at least one recipient.</summary>
    public bool EmailSent { get; init; }
}
