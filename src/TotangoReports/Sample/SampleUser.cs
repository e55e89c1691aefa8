namespace TotangoReports.Sample;

/// <summary>One user of an account (<c>return=users</c>).</summary>
internal sealed record SampleUser(string Name, DateTimeOffset FirstUsage, DateTimeOffset LastUsage);
