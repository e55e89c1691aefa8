namespace TotangoReports.Emulator;

/// <summary>One request the emulator received: when (its <see cref="EmulatorOptions.TimeProvider"/>) and its path.</summary>
public sealed record EmulatorRequest(DateTimeOffset At, string Path);

/// <summary>Every request received, in arrival order, so tests can check pacing (e.g. ≤ 100 in any 60 s).</summary>
internal sealed class EmulatorRequestLog
{
    private readonly List<EmulatorRequest> _requests = [];
    private readonly Lock _gate = new();

    public void Add(EmulatorRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
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
