namespace TotangoReports.Sample;

/// <summary>One step of an account's lifecycle history.</summary>
internal sealed record SampleStatusChange(string Status, DateTimeOffset Changed);
