namespace TotangoReports.Preview.Internal;

/// <summary>The newest render and the last good one; waiters (the event streams) wake when a newer one is published.</summary>
internal sealed class PreviewState
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreviewRender? Current { get; private set; }

    public PreviewRender? LastGood { get; private set; }

    public void Publish(PreviewRender render)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            Current = render;
            if (render.Succeeded)
            {
                LastGood = render;
            }

            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Completes with the newest render once its version is above <paramref name="seen"/>.</summary>
    public async Task<PreviewRender> WaitNewerAsync(long seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (Current is { } current && current.Version > seen)
                {
                    return current;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
