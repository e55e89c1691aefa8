namespace TotangoReports.Api;

/// <summary>
/// Where raw API pages come from: the live API over HTTP, a saved snapshot, or the built-in sample data.
/// Every source answers with the bytes the API would send, so one parser serves them all.
/// </summary>
public interface IActiveListSource
{
    /// <summary>Fetch one page. <paramref name="offset"/> is sent as-is; its meaning (page or item index) is the caller's.</summary>
    Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken);
}
