namespace TotangoReports.Data;

/// <summary>One user of one account (return type <c>users</c>). Times are in the report's time zone.</summary>
public sealed record UserRow(string AccountId, string AccountName, string User, DateTimeOffset? FirstUsage, DateTimeOffset? LastUsage, double? DaysSinceLastUsage);

/// <summary>One status change of one account (return type <c>lifecycle</c>).</summary>
public sealed record LifecycleRow(string AccountId, string AccountName, string Status, DateTimeOffset? Changed, double? DaysInStatus);
