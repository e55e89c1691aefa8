namespace TotangoReports.Emulator;

/// <summary>One request the emulator received: when (its <see cref="EmulatorOptions.TimeProvider"/>) and its path.</summary>
public sealed record EmulatorRequest(DateTimeOffset At, string Path);

/// <summary>
/// The newest requests received, in arrival order, so tests can check pacing (e.g. ≤ 100 in any 60 s). Bounded: an
/// emulator left running for a demo must not grow with every request it ever answered.
/// </summary>
internal sealed class EmulatorRequestLog(int capacity = EmulatorRequestLog.DefaultCapacity)
{
    /// <summary>Far more than any test or soak sends (100,000 accounts at 100 a page is about 1,000 requests).</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Queue<EmulatorRequest> _requests = new();
    private readonly Lock _gate = new();

    public void Add(EmulatorRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count == capacity)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }

    public IReadOnlyList<EmulatorRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }
}
