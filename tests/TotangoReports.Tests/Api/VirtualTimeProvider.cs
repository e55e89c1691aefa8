using System.Collections.Concurrent;

namespace TotangoReports.Tests.Api;

/// <summary>
/// A clock for code that waits concurrently over real loopback HTTP, where FakeTimeProvider would need the test
/// to guess when to advance. Short timers (back-off, Retry-After, rate-limit waits) fire at once and move the
/// virtual clock forward, and their due times are recorded for assertions. Long timers (per-attempt timeouts,
/// at or above <see cref="LongTimer"/>) never fire by themselves: <see cref="FireLongTimers"/> fires them.
/// Nothing really sleeps.
/// </summary>
internal sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(VirtualTimer Timer, int Generation)> _longTimers = [];
    private DateTimeOffset _now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public TimeSpan LongTimer { get; init; } = TimeSpan.FromMinutes(5);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(VirtualTimer timer, int generation, TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (dueTime >= LongTimer)
        {
            lock (_gate)
            {
                _longTimers.Add((timer, generation));
            }

            return;
        }

        Delays.Enqueue(dueTime);
        lock (_gate)
        {
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => timer.Fire(generation));
    }

    public void FireLongTimers()
    {
        List<(VirtualTimer Timer, int Generation)> due;
        lock (_gate)
        {
            due = [.. _longTimers];
            _longTimers.Clear();
        }

        foreach (var (timer, generation) in due)
        {
            timer.Fire(generation);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _disposed;
        private int _generation;

        public void Fire(int scheduledGeneration)
        {
            if (Volatile.Read(ref _disposed) == 0 && Volatile.Read(ref _generation) == scheduledGeneration)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return false;
            }

            owner.Schedule(this, Interlocked.Increment(ref _generation), dueTime);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
