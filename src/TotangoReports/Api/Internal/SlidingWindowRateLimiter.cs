namespace TotangoReports.Api.Internal;

/// <summary>
/// Client-side pacing: at most <c>limit</c> requests in any window of the given length, sliding, because the
/// server's own window is unknown. A request stays in the window from its grant until <see cref="Complete"/>, and
/// then counts from its completion time. The server received it somewhere in between, so however late or out of
/// order requests reach it, no server window of the same length can hold more than the limit.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly TimeSpan margin;
    private readonly TimeProvider timeProvider;
    private readonly LinkedList<RateLimitLease> leases = new();
    private readonly Lock gate = new();
    private long waitTicks;

    public SlidingWindowRateLimiter(int limit, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.limit = limit;
        this.window = window;
        this.timeProvider = timeProvider;

        // Clocks differ in resolution and rounding: keep 1% of the window (at most 500 ms) in hand.
        margin = TimeSpan.FromTicks(Math.Min(window.Ticks / 100, TimeSpan.FromMilliseconds(500).Ticks));
    }

    /// <summary>Total time callers waited for a slot, for diagnostics and benchmarks.</summary>
    public TimeSpan TotalWait => TimeSpan.FromTicks(Interlocked.Read(ref waitTicks));

    /// <summary>Waits for a free slot and takes it. Pass the lease to <see cref="Complete"/> when the answer arrives.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lease, blocking, wait) = TryTake();
            if (lease is not null)
            {
                Interlocked.Add(ref waitTicks, timeProvider.GetElapsedTime(started).Ticks);
                return lease;
            }

            if (blocking is { InFlight: true } && wait <= TimeSpan.Zero)
            {
                // Its window would be over, but its answer is not in yet: it counts until it is.
                await blocking.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The request's answer (or failure) arrived: from now on it counts from this moment.</summary>
    public void Complete(RateLimitLease lease)
    {
        lock (gate)
        {
            lease.Time = timeProvider.GetUtcNow();
        }

        lease.Done.TrySetResult();
    }

    private (RateLimitLease? Lease, RateLimitLease? Blocking, TimeSpan Wait) TryTake()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var node = leases.First;
            while (node is not null)
            {
                var next = node.Next;
                if (!node.Value.InFlight && node.Value.Time + window + margin <= now)
                {
                    leases.Remove(node);
                }

                node = next;
            }

            if (leases.Count < limit)
            {
                var lease = new RateLimitLease(now);
                leases.AddLast(lease);
                return (lease, null, TimeSpan.Zero);
            }

            // The slot frees when the earliest-ending lease leaves the window.
            var blocking = leases.MinBy(l => l.Time)!;
            return (null, blocking, blocking.Time + window + margin - now);
        }
    }
}
