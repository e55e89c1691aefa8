using System.Buffers;
using System.Text.Json;

namespace TotangoReports.Sample.Internal;

/// <summary>
/// Answers <c>POST /api/v2/events/search</c> from the sample accounts' timelines (<see cref="SampleEvents"/>):
/// terms <c>event_property</c> (<c>event_type</c> <c>eq</c>), <c>or</c>, and <c>date</c> ranges; <c>fields</c>
/// must be <c>[]</c>; newest first; <c>offset</c> is a page number.
/// </summary>
internal static class SampleEventSearch
{
    public static bool Matches(JsonElement terms, SampleEvent e)
    {
        foreach (var term in terms.EnumerateArray())
        {
            if (!MatchesTerm(term, e))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first term the sample cannot answer, as the server refuses an unknown one.</summary>
    public static string? UnknownTerm(JsonElement terms)
    {
        foreach (var term in terms.EnumerateArray())
        {
            var type = term.ValueKind == JsonValueKind.Object ? SampleSearch.Text(term, "type") ?? "(none)" : "(not an object)";
            if (type == "or" && term.TryGetProperty("or", out var inner) && inner.ValueKind == JsonValueKind.Array)
            {
                if (UnknownTerm(inner) is { } nested)
                {
                    return nested;
                }
            }
            else if (type is not ("event_property" or "date"))
            {
                return type;
            }
        }

        return null;
    }

    private static bool MatchesTerm(JsonElement term, SampleEvent e) => SampleSearch.Text(term, "type") switch
    {
        "or" => term.GetProperty("or").EnumerateArray().Any(t => MatchesTerm(t, e)),
        "date" => SampleSearch.InRange(term, e.Timestamp.ToUnixTimeMilliseconds()),
        "event_property" => SampleSearch.Text(term, "name") switch
        {
            "event_type" => Is(term, e.Type),
            "subject" => Is(term, e.Subject),
            _ => false,
        },
        _ => false,
    };

    private static bool Is(JsonElement term, string value) =>
        (term.TryGetProperty("eq", out var eq) && string.Equals(eq.GetString(), value, StringComparison.OrdinalIgnoreCase)) ||
        (term.TryGetProperty("in_list", out var list) && list.ValueKind == JsonValueKind.Array && list.EnumerateArray().Any(v => string.Equals(v.GetString(), value, StringComparison.OrdinalIgnoreCase)));

    /// <param name="members">The matching events as (account index, event index), newest first.</param>
    public static byte[] Page(IReadOnlyList<(int Account, int Event)> members, SampleQuery query, Func<int, IReadOnlyList<SampleEvent>> events, Func<int, SampleAccount> account, string serviceId)
    {
        return SampleJsonWriter.SearchPage("events", members.Count, query.Offset, Math.Min(members.Count, query.Offset + query.Count), serviceId, took: null, (writer, i) =>
        {
            WriteHit(writer, account(members[i].Account), events(members[i].Account)[members[i].Event]);
        });
    }

    private static void WriteHit(Utf8JsonWriter writer, SampleAccount account, SampleEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("id", e.Id);
        writer.WriteNumber("timestamp", e.Timestamp.ToUnixTimeMilliseconds());
        writer.WriteString("type", e.Type);
        writer.WriteStartObject("account");
        writer.WriteString("id", account.AccountId);
        writer.WriteString("display_name", account.Name);
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("subject", e.Subject);
        if (e.TouchpointType is { } touchpoint)
        {
            writer.WriteString("touchpoint_type", touchpoint);
        }

        writer.WriteEndObject();
        if (e.Text is { } text)
        {
            writer.WriteStartObject("note_content");
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        if (e.Type == "alert")
        {
            writer.WriteStartObject("alert_content");
            writer.WriteString("alert_type", "health_change");
            writer.WriteString("description", e.Subject);
            writer.WriteStartObject("properties");
            writer.WriteString("health", account.Health);
            writer.WriteString("health_prev", account.HealthPrevious);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
