namespace TotangoReports.Api.Internal;

/// <summary>
/// One request's place in the rate-limit window. It counts from when it was granted until it is completed, and
/// from then on as if sent at completion time: the server saw the request no later than the client saw the answer.
/// </summary>
internal sealed class RateLimitLease
{
    public RateLimitLease(DateTimeOffset granted)
    {
        Time = granted;
    }

    /// <summary>Grant time while in flight; completion time afterwards.</summary>
    public DateTimeOffset Time { get; set; }

    public bool InFlight => !Done.Task.IsCompleted;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
