namespace TotangoReports.Api.Internal;

/// <summary>
/// Client-side pacing: grants at most <c>limit</c> requests in any window of the given length, sliding, because the
/// server's own window is unknown. A grant may lie in the future; the caller waits for it on the TimeProvider.
/// Grants are handed out in call order, so waiting callers keep FIFO fairness.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly TimeSpan margin;
    private readonly TimeProvider timeProvider;
    private readonly Queue<DateTimeOffset> grants = new();
    private readonly Lock gate = new();

    public SlidingWindowRateLimiter(int limit, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.limit = limit;
        this.window = window;

        // Requests reach the server a little later than they leave, and not always in order: keep 1% of the
        // window (at most 500 ms) in hand so the server's own window never sees more than the limit.
        margin = TimeSpan.FromTicks(Math.Min(window.Ticks / 100, TimeSpan.FromMilliseconds(500).Ticks));
        this.timeProvider = timeProvider;
    }

    /// <summary>Total time callers were told to wait, for diagnostics and benchmarks.</summary>
    public TimeSpan TotalWait { get; private set; }

    /// <summary>Reserves the next slot and waits until it is due.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reserves the next slot; returns how long until it is due (zero = now).</summary>
    internal TimeSpan Reserve()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            while (grants.Count > 0 && grants.Peek() <= now - window)
            {
                grants.Dequeue();
            }

            var due = now;
            if (grants.Count >= limit)
            {
                // The grant `limit` places back must leave the window before this one may start.
                // The queue never holds more than `limit` grants, so that is the oldest one.
                var earliest = grants.Peek() + window + margin;
                if (earliest > due)
                {
                    due = earliest;
                }
            }

            grants.Enqueue(due);
            while (grants.Count > limit)
            {
                grants.Dequeue();
            }

            var wait = due - now;
            TotalWait += wait;
            return wait;
        }
    }
}
