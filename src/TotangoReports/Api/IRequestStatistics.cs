namespace TotangoReports.Api;

/// <summary>
/// Implemented by sources that make real requests, so the fetcher can report requests and retries per dataset.
/// Counters only grow; readers take differences.
/// </summary>
internal interface IRequestStatistics
{
    long Requests { get; }

    long Retries { get; }
}
