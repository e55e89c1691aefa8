namespace TotangoReports.Sample;

/// <summary>One step of an account's lifecycle history.</summary>
public sealed record SampleStatusChange(string Status, DateTimeOffset Changed);
