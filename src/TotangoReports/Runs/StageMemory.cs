using System.Runtime;

namespace TotangoReports.Runs;

/// <summary>
/// Hands the memory a stage of a large run let go back to the system before the next stage begins, when the host
/// asked for it (<see cref="ReportEngineOptions.ReturnMemoryBetweenStages"/>: the CLI, a process that runs one report
/// and exits). A 100,000-account run leaves its pages, the build's working rows and the past snapshots behind as it
/// goes, much of it large arrays a full collection alone reclaims; collected only when the GC wants to, they lift the
/// run's peak memory by a third. A collection costs tens of milliseconds against a run of seconds.
/// </summary>
internal sealed class StageMemory(bool enabled, int accounts)
{
    /// <summary>Below this many accounts a run's garbage is too small to be worth a full collection.</summary>
    public const int LargeRun = 20_000;

    /// <summary>How many times memory was handed back (for tests).</summary>
    public int Released { get; private set; }

    /// <summary>After a stage: collect everything it let go, compacting the large-object heap, and return it to the OS.</summary>
    public void Release()
    {
        if (!enabled || accounts < LargeRun)
        {
            return;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Released++;
    }
}
