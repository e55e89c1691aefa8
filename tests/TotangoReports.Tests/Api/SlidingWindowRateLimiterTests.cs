using Microsoft.Extensions.Time.Testing;
using TotangoReports.Api.Internal;

namespace TotangoReports.Tests.Api;

public sealed class SlidingWindowRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_UpToTheLimit_CompletesAtOnce_ThenWaitsForTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(3, TimeSpan.FromSeconds(60), time);
        for (var i = 0; i < 3; i++)
        {
            (await WaitsAsync(limiter)).ShouldBeFalse();
        }

        var fourth = limiter.AcquireAsync(Ct).AsTask();
        fourth.IsCompleted.ShouldBeFalse();

        time.Advance(TimeSpan.FromSeconds(60));
        fourth.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1)); // the window plus the 1% safety margin
        await fourth.WaitAsync(Ct);
        fourth.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Reserve_ManyCallsAtUnevenTimes_NoWindowHoldsMoreThanTheLimit()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(100, TimeSpan.FromSeconds(60), time);
        var starts = new List<DateTimeOffset>();
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            // Callers arrive in bursts; each starts when its grant falls due.
            time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            starts.Add(time.GetUtcNow() + limiter.Reserve());
        }

        starts.Sort();
        for (var i = 100; i < starts.Count; i++)
        {
            (starts[i] - starts[i - 100]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));
        }

        // Paced, not stalled: 1000 requests at 100/min need a little over 9 minutes.
        (starts[^1] - starts[0]).ShouldBeLessThan(TimeSpan.FromMinutes(9.5));
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_Throws()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(1, TimeSpan.FromSeconds(60), time);
        await limiter.AcquireAsync(Ct);
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }

    private static async Task<bool> WaitsAsync(SlidingWindowRateLimiter limiter)
    {
        var task = limiter.AcquireAsync(Ct).AsTask();
        var waited = !task.IsCompleted;
        await task;
        return waited;
    }
}
