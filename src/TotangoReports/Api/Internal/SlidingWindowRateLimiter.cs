namespace TotangoReports.Api.Internal;

/// <summary>
/// Client-side pacing: at most <c>limit</c> requests in any window of the given length, sliding, because the
/// server's own window is unknown. A request stays in the window from its grant until <see cref="Complete"/>, and
/// then counts from its completion time. The server received it somewhere in between, so however late or out of
/// order requests reach it, no server window of the same length can hold more than the limit.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _margin;
    private readonly TimeProvider _timeProvider;
    private readonly LinkedList<RateLimitLease> _leases = new();
    private readonly Lock _gate = new();
    private long _waitTicks;

    public SlidingWindowRateLimiter(int limit, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
        _timeProvider = timeProvider;

        // Clocks differ in resolution and rounding: keep 1% of the window (at most 500 ms) in hand.
        _margin = TimeSpan.FromTicks(Math.Min(window.Ticks / 100, TimeSpan.FromMilliseconds(500).Ticks));
    }

    /// <summary>Total time callers waited for a slot, for diagnostics and benchmarks.</summary>
    public TimeSpan TotalWait => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    /// <summary>Waits for a free slot and takes it. Pass the lease to <see cref="Complete"/> when the answer arrives.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lease, blocking, wait) = TryTake();
            if (lease is not null)
            {
                Interlocked.Add(ref _waitTicks, _timeProvider.GetElapsedTime(started).Ticks);
                return lease;
            }

            if (blocking is { InFlight: true } && wait <= TimeSpan.Zero)
            {
                // Its window would be over, but its answer is not in yet: it counts until it is.
                await blocking.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The request's answer (or failure) arrived: from now on it counts from this moment.</summary>
    public void Complete(RateLimitLease lease)
    {
        lock (_gate)
        {
            lease.Time = _timeProvider.GetUtcNow();
        }

        lease.Done.TrySetResult();
    }

    private (RateLimitLease? Lease, RateLimitLease? Blocking, TimeSpan Wait) TryTake()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var node = _leases.First;
            while (node is not null)
            {
                var next = node.Next;
                if (!node.Value.InFlight && node.Value.Time + _window + _margin <= now)
                {
                    _leases.Remove(node);
                }

                node = next;
            }

            if (_leases.Count < _limit)
            {
                var lease = new RateLimitLease(now);
                _leases.AddLast(lease);
                return (lease, null, TimeSpan.Zero);
            }

            // The slot frees when the earliest-ending lease leaves the window.
            var blocking = _leases.MinBy(l => l.Time)!;
            return (null, blocking, blocking.Time + _window + _margin - now);
        }
    }
}
