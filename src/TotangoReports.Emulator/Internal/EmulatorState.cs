namespace TotangoReports.Emulator.Internal;

/// <summary>Counters and runtime state shared by every request of one emulator.</summary>
internal sealed class EmulatorState
{
    private readonly Queue<DateTimeOffset> accepted = new();
    private readonly Lock gate = new();
    private long requests;
    private long throttled;

    public EmulatorState(int randomSeed)
    {
        Random = new Random(randomSeed);
    }

    public Random Random { get; }

    public TaskCompletionSource HangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Requests => Interlocked.Read(ref requests);

    public long Throttled => Interlocked.Read(ref throttled);

    public Lock Gate => gate;

    public void CountRequest() => Interlocked.Increment(ref requests);

    public void CountThrottled() => Interlocked.Increment(ref throttled);

    /// <summary>Sliding-window server limit: true if this request fits, and then it is recorded.</summary>
    public bool TryAccept(int limit, TimeSpan window, DateTimeOffset now)
    {
        lock (gate)
        {
            while (accepted.Count > 0 && accepted.Peek() <= now - window)
            {
                accepted.Dequeue();
            }

            if (accepted.Count >= limit)
            {
                return false;
            }

            accepted.Enqueue(now);
            return true;
        }
    }
}
