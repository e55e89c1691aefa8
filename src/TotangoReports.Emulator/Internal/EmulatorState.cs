namespace TotangoReports.Emulator.Internal;

/// <summary>Counters and runtime state shared by every request of one emulator.</summary>
internal sealed class EmulatorState
{
    private readonly Queue<DateTimeOffset> _accepted = new();
    private readonly Lock _gate = new();
    private long _requests;
    private long _throttled;

    public EmulatorState(int randomSeed)
    {
        Random = new Random(randomSeed);
    }

    public Random Random { get; }

    public TaskCompletionSource HangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    public Lock Gate => _gate;

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountThrottled() => Interlocked.Increment(ref _throttled);

    /// <summary>Sliding-window server limit: true if this request fits, and then it is recorded.</summary>
    public bool TryAccept(int limit, TimeSpan window, DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_accepted.Count > 0 && _accepted.Peek() <= now - window)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= limit)
            {
                return false;
            }

            _accepted.Enqueue(now);
            return true;
        }
    }
}
