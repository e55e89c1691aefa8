using System.Text.Json;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Sample;

/// <summary>
/// One generated account as typed data, so tests compute expectations independently of the JSON, and able to
/// write itself as the API would send it.
/// </summary>
public sealed record SampleAccount
{
    /// <summary>Position in the generated set (0-based); list 1 serves accounts in this order.</summary>
    public required int Index { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>status.current</c>: Trial, Activated, Paying or Churned.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StatusChanged { get; init; }

    public string? ForeignId { get; init; }

    public string? SalesforceId { get; init; }

    public required double Score { get; init; }

    public required double ScoreChange { get; init; }

    /// <summary>Good, Average or Poor.</summary>
    public required string Health { get; init; }

    public required string HealthPrevious { get; init; }

    public required string HealthReason { get; init; }

    public required DateTimeOffset HealthLastChanged { get; init; }

    /// <summary>EMEA, NA, APAC or LATAM.</summary>
    public required string Region { get; init; }

    public required string Plan { get; init; }

    /// <summary><c>attributes["Plan Type"]</c>: a key with a space, as real attributes have.</summary>
    public required string PlanType { get; init; }

    /// <summary>Sent as ISO date text (<c>attributes.Renewal-Date</c>).</summary>
    public required DateOnly RenewalDate { get; init; }

    /// <summary>Sent as a string (<c>attributes.Licenses</c>), like the vendor page.</summary>
    public required int Licenses { get; init; }

    /// <summary>Window name (<see cref="SampleData.Windows"/>) → usage; counts grow with the window.</summary>
    public required IReadOnlyDictionary<string, SampleWindowStats> Stats { get; init; }

    /// <summary>Whether this account's action counts are sent as strings (<c>"12"</c>), as the API sometimes does.</summary>
    public required bool CountsAsStrings { get; init; }

    public required DateTimeOffset FirstActivity { get; init; }

    public required DateTimeOffset LastActivity { get; init; }

    public required IReadOnlyList<SampleUser> Users { get; init; }

    /// <summary>Status history, oldest first; the last entry is the current lifecycle status.</summary>
    public required IReadOnlyList<SampleStatusChange> Lifecycle { get; init; }

    /// <summary>When the account entered its lists (for <c>recent.json?since=</c>).</summary>
    public required DateTimeOffset EnteredListAt { get; init; }

    /// <summary>When the account left the paying list (churned), for <c>past.json?since=</c>; null if it did not.</summary>
    public DateTimeOffset? LeftListAt { get; init; }

    /// <summary>Writes the account as one element of the API's <c>accounts</c> array.</summary>
    public void WriteJson(Utf8JsonWriter writer, Definition.ReturnType returnType, SampleShape shape) =>
        SampleJsonWriter.WriteAccount(writer, this, returnType, shape);
}
