using TotangoReports.Store;

namespace TotangoReports.Runs;

/// <summary>Closes a run's store, if it opened one, when the run ends however it ends.</summary>
internal sealed class StoreScope(IReportStore? store) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
