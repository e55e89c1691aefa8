using System.Buffers;

namespace TotangoReports.Api;

/// <summary>
/// Optional for sources: lend a page from a buffer pool instead of allocating it. A page with stats is megabytes;
/// a fresh array per page lands on the large-object heap and lingers, so the fetcher prefers this when offered
/// and disposes the lease as soon as the page is parsed and handed on.
/// </summary>
internal interface IPooledActiveListSource : IActiveListSource
{
    /// <summary>Same as <see cref="IActiveListSource.GetPageAsync"/>; the caller disposes the result when done with it.</summary>
    Task<IMemoryOwner<byte>> RentPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken);
}
