using TotangoReports.Definition;

namespace TotangoReports.Sample.Internal;

/// <summary>Which sample accounts belong to which active list.</summary>
internal static class SampleLists
{
    public const string All = "1";
    public const string Paying = "1004";
    public const string AtRisk = "1010";

    public static bool Exists(string listId) => listId is All or Paying or AtRisk;

    /// <summary>
    /// current: the list's members now; recent: members that entered at or after <paramref name="since"/>;
    /// past: accounts that left (churned) at or after it.
    /// </summary>
    public static bool Contains(string listId, ListEndpoint endpoint, DateTimeOffset? since, SampleAccount account)
    {
        var member = listId switch
        {
            Paying => account.Status == "Paying",
            AtRisk => account.Health == "Poor" && account.Status != "Churned",
            _ => true,
        };
        return endpoint switch
        {
            ListEndpoint.Recent => member && account.EnteredListAt >= since,
            ListEndpoint.Past => account.LeftListAt >= since && (listId != AtRisk),
            _ => member,
        };
    }
}
