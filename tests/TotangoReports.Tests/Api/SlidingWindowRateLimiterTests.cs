using Microsoft.Extensions.Time.Testing;
using TotangoReports.Api.Internal;

namespace TotangoReports.Tests.Api;

public sealed class SlidingWindowRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_UpToTheLimit_IsImmediate_ThenWaitsForTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(3, TimeSpan.FromSeconds(60), time);
        for (var i = 0; i < 3; i++)
        {
            var lease = limiter.AcquireAsync(Ct).AsTask();
            lease.IsCompletedSuccessfully.ShouldBeTrue();
            limiter.Complete(await lease);
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
    public async Task Acquire_WhileTheBlockingRequestIsInFlight_WaitsForItsAnswer()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(1, TimeSpan.FromSeconds(60), time);
        var slow = await limiter.AcquireAsync(Ct);

        var next = limiter.AcquireAsync(Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(90));
        next.IsCompleted.ShouldBeFalse();

        // The answer arrives at 90 s: the server may have seen the request as late as that.
        limiter.Complete(slow);
        time.Advance(TimeSpan.FromSeconds(60));
        next.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Ct);
        next.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Acquire_ManyCallersAtUnevenTimes_NoWindowHoldsMoreThanTheLimit()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(100, TimeSpan.FromSeconds(60), time);
        var starts = new List<DateTimeOffset>();
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            // Callers arrive in bursts; each request is answered as soon as it is sent.
            time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            var acquire = limiter.AcquireAsync(Ct).AsTask();
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
            }

            starts.Add(time.GetUtcNow());
            limiter.Complete(await acquire);
        }

        for (var i = 100; i < starts.Count; i++)
        {
            (starts[i] - starts[i - 100]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));
        }

        // Paced, not stalled: 1000 requests at 100 a minute need a little over 9 minutes.
        (starts[^1] - starts[0]).ShouldBeLessThan(TimeSpan.FromMinutes(9.5));
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_Throws()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(1, TimeSpan.FromSeconds(60), time);
        limiter.Complete(await limiter.AcquireAsync(Ct));
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }
}
