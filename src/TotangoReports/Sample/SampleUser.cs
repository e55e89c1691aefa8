namespace TotangoReports.Sample;

/// <summary>One user of an account (<c>return=users</c>).</summary>
public sealed record SampleUser(string Name, DateTimeOffset FirstUsage, DateTimeOffset LastUsage);
