namespace TotangoReports.Api;

/// <summary>Progress of one query: pages read of those known so far, unique accounts handed to the sink, retries.</summary>
public sealed record FetchProgress(ActiveListQuery Query, int PagesDone, int PagesTotal, long Accounts, long Retries);
