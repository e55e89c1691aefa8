using System.Globalization;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>How queries appear in requests and messages, in one place so both always agree.</summary>
internal static class QueryText
{
    public static string Endpoint(ListEndpoint endpoint) => endpoint switch
    {
        ListEndpoint.Recent => "recent",
        ListEndpoint.Past => "past",
        _ => "current",
    };

    /// <summary>The <c>return</c> parameter, or null for the summary (nothing sent).</summary>
    public static string? Return(ReturnType returnType) => returnType switch
    {
        ReturnType.Stats => "stats",
        ReturnType.Users => "users",
        ReturnType.Lifecycle => "lifecycle",
        ReturnType.All => "all",
        _ => null,
    };

    public static string Describe(ActiveListQuery query)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"list {query.ListId} {Endpoint(query.Endpoint)}.json");
        var ret = Return(query.Return);
        if (ret is not null)
        {
            text += " return=" + ret;
        }

        if (query.SinceUnixSeconds is { } since)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" since={since}");
        }

        return text;
    }
}
