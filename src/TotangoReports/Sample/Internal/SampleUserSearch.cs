using System.Buffers;
using System.Text.Json;

namespace TotangoReports.Sample.Internal;

/// <summary>
/// Answers <c>/api/v1/search/users</c> from the sample accounts' users: <c>parent_account</c> terms select their
/// accounts, user terms (<c>date</c> on first/last activity, <c>string</c> <c>search_name</c>, the
/// <c>Role</c> attribute) select users; ordered by display name; each hit carries <c>parent_account</c> with the
/// <c>parent_account_fields</c>, positionally like <c>selected_fields</c>. Where a real server puts the parent
/// account in a user hit is not documented; the client reads <c>parent_account</c> or <c>account</c>.
/// </summary>
internal static class SampleUserSearch
{
    private static readonly string[] First = ["Ada", "Ben", "Chen", "Dalia", "Eitan", "Fatima", "Gil", "Hana", "Ivan", "Jun", "Kofi", "Lea", "Maya", "Noam", "Olga", "Priya"];

    private static readonly string[] Last = ["Adler", "Brook", "Cohen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim", "Levi", "Moreau", "Nakamura"];

    /// <summary>A user's display name: a person's name drawn from the user id, so it is stable across calls.</summary>
    public static string DisplayName(string userId)
    {
        var hash = Hash(userId);
        return $"{First[hash % (uint)First.Length]} {Last[(hash / 31) % (uint)Last.Length]}";
    }

    // FNV-1a: string.GetHashCode differs between processes, and the emulator and the tests must agree.
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public static string Role(int userIndex) => userIndex == 0 ? "Admin" : userIndex % 3 == 0 ? "Viewer" : "Member";

    /// <summary>Whether the user matches every user term; <c>parent_account</c> terms are the caller's (they select accounts).</summary>
    public static bool Matches(JsonElement terms, SampleUser user, int userIndex)
    {
        foreach (var term in terms.EnumerateArray())
        {
            var matches = SampleSearch.Text(term, "type") switch
            {
                "parent_account" => true,
                "date" => SampleSearch.InRange(term, Time(user, SampleSearch.Text(term, "term"))),
                "string" when SampleSearch.Text(term, "term") == "search_name" => term.TryGetProperty("contains", out var c) &&
                    (DisplayName(user.Name).Contains(c.GetString() ?? string.Empty, StringComparison.OrdinalIgnoreCase) || user.Name.Contains(c.GetString() ?? string.Empty, StringComparison.OrdinalIgnoreCase)),
                "string_attribute" when SampleSearch.Text(term, "attribute") == "Role" => term.TryGetProperty("in_list", out var list) && list.ValueKind == JsonValueKind.Array &&
                    list.EnumerateArray().Any(v => string.Equals(v.GetString(), Role(userIndex), StringComparison.OrdinalIgnoreCase)),
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first term the sample cannot answer, as the server refuses an unknown one.</summary>
    public static string? UnknownTerm(JsonElement terms) =>
        terms.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Object ? SampleSearch.Text(t, "type") ?? "(none)" : "(not an object)")
            .FirstOrDefault(t => t is not ("parent_account" or "date" or "string" or "string_attribute"));

    /// <summary>The account terms inside <c>parent_account</c> terms (ANDed), as a JSON array.</summary>
    public static string ParentTerms(JsonElement terms)
    {
        var nested = terms.EnumerateArray()
            .Where(t => SampleSearch.Text(t, "type") == "parent_account" && t.TryGetProperty("terms", out var inner) && inner.ValueKind == JsonValueKind.Array)
            .SelectMany(t => t.GetProperty("terms").EnumerateArray())
            .Select(t => t.GetRawText());
        return "[" + string.Join(",", nested) + "]";
    }

    /// <param name="members">The matching users as (account index, user index), in display-name order.</param>
    public static byte[] Page(IReadOnlyList<(int Account, int User)> members, SampleQuery query, JsonElement parentFields, Func<int, SampleAccount> account, string serviceId)
    {
        return SampleJsonWriter.SearchPage("users", members.Count, query.Offset, Math.Min(members.Count, query.Offset + query.Count), serviceId, took: 4,
            (writer, i) => WriteHit(writer, account(members[i].Account), members[i].User, query.Fields, parentFields));
    }

    private static void WriteHit(Utf8JsonWriter writer, SampleAccount account, int userIndex, JsonElement fields, JsonElement parentFields)
    {
        var user = account.Users[userIndex];
        writer.WriteStartObject();
        writer.WriteString("name", user.Name);
        writer.WriteString("display_name", DisplayName(user.Name));
        writer.WriteNumber("first_activity_time", user.FirstUsage.ToUnixTimeMilliseconds());
        writer.WriteNumber("last_activity_time", user.LastUsage.ToUnixTimeMilliseconds());
        writer.WriteStartArray("selected_fields");
        foreach (var field in fields.EnumerateArray())
        {
            SampleSearch.WriteValue(writer, FieldValue(field, user, userIndex));
        }

        writer.WriteEndArray();
        writer.WriteStartObject("parent_account");
        writer.WriteString("name", account.AccountId);
        writer.WriteString("display_name", account.Name);
        writer.WriteStartArray("selected_fields");
        if (parentFields.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in parentFields.EnumerateArray())
            {
                SampleSearch.WriteValue(writer, SampleSearch.FieldValue(field, account));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static object? FieldValue(JsonElement field, SampleUser user, int userIndex) => SampleSearch.Text(field, "type") switch
    {
        "date" => Time(user, SampleSearch.Text(field, "term")) is { } ms ? (long)ms : null,
        "string" when SampleSearch.Text(field, "term") == "display_name" => DisplayName(user.Name),
        "string_attribute" when SampleSearch.Text(field, "attribute") == "Role" => Role(userIndex),
        "named_aggregation" => (int)(Hash(user.Name) % 40 * (uint)Math.Max(1, SampleSearch.Int(field, "duration", 14)) / 7),
        _ => null,
    };

    private static double? Time(SampleUser user, string? term) => term switch
    {
        "last_activity_time" => user.LastUsage.ToUnixTimeMilliseconds(),
        "first_activity_time" => user.FirstUsage.ToUnixTimeMilliseconds(),
        _ => null,
    };
}
