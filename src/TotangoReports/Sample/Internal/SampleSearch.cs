using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Sample.Internal;

/// <summary>
/// Answers Search API queries (accounts) from the sample accounts, as totango-search-api.md describes the server:
/// terms filter, <c>selected_fields</c> positional, <c>offset</c> a record index, at most 1000 per page and
/// 10,000 per query, and <c>status: "failed"</c> with <c>_error</c> for what it refuses.
/// Fields the List API does not return (owner, contract value) are derived from the account, deterministically.
/// </summary>
internal static class SampleSearch
{
    /// <summary>Success managers (name, email), assigned by account index.</summary>
    public static readonly (string Name, string Email)[] Owners =
    [
        ("Dana Levi", "dana@example.com"), ("Omar Haddad", "omar@example.com"), ("Mei Tanaka", "mei@example.com"),
        ("Lucas Silva", "lucas@example.com"), ("Anna Novak", "anna@example.com"), ("Sam Carter", "sam@example.com"),
    ];

    public static (string Name, string Email) Owner(SampleAccount account) => Owners[account.Index % Owners.Length];

    /// <summary>Contract value: per-licence price by plan, times licences.</summary>
    public static int ContractValue(SampleAccount account) =>
        account.Licenses * account.Plan switch { "Enterprise" => 1800, "Pro" => 900, _ => 300 };

    /// <summary>The answer body; <paramref name="members"/> gives the account indexes matching the terms, cached by the caller.</summary>
    /// <param name="account">The sample account at an index, as the list API serves it now (drifted when the source is).</param>
    public static byte[] Answer(string queryJson, Func<string, JsonElement, int[]> members, Func<int, SampleAccount> account, string serviceId)
    {
        // The same reading and refusals as users and events (SampleQuery); only the terms and the hits are accounts'.
        using var document = SampleQuery.Parse(queryJson, out var refusal);
        var query = document is null ? null : SampleQuery.Read(document.RootElement, pageNumbers: false, out refusal);
        if (query is null)
        {
            return refusal!;
        }

        if (UnknownTerm(query.Terms) is { } unknown)
        {
            return Failed($"Unsupported term type '{unknown}'");
        }

        var root = document!.RootElement;
        var sortBy = root.TryGetProperty("sort_by", out var sort) ? sort.GetString() : null;
        var descending = root.TryGetProperty("sort_order", out var order) && string.Equals(order.GetString(), "DESC", StringComparison.OrdinalIgnoreCase);
        var matched = SortedBy(members(query.Terms.GetRawText(), query.Terms), sortBy, descending, account);
        return Page(matched, query, account, serviceId);
    }

    /// <summary>Whether an account matches every term (terms are ANDed).</summary>
    public static bool Matches(JsonElement terms, SampleAccount account)
    {
        foreach (var term in terms.EnumerateArray())
        {
            if (!MatchesTerm(term, account))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesTerm(JsonElement term, SampleAccount account)
    {
        var type = Text(term, "type");
        if (type is "number_attribute" or "simple_date_attribute")
        {
            return InRange(term, Number(Attribute(account, Text(term, "attribute"))));
        }

        var value = type switch
        {
            "string" => Text(term, "term") switch
            {
                "status_group" => account.Status,
                "health" => account.Health,
                "search_name" => account.Name,
                _ => null,
            },
            "string_attribute" => Attribute(account, Text(term, "attribute"))?.ToString(),
            "owner" => Owner(account).Email,
            _ => null,
        };
        if (term.TryGetProperty("contains", out var contains))
        {
            return value?.Contains(contains.GetString() ?? string.Empty, StringComparison.OrdinalIgnoreCase) == true;
        }

        var list = term.TryGetProperty("in_list", out var inList) ? inList : term.TryGetProperty("is_one_of", out var oneOf) ? oneOf : default;
        return list.ValueKind == JsonValueKind.Array && list.EnumerateArray().Any(v => string.Equals(v.GetString(), value, StringComparison.OrdinalIgnoreCase));
    }

    internal static string? UnknownTerm(JsonElement terms) =>
        terms.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Object ? Text(t, "type") ?? "(none)" : "(not an object)")
            .FirstOrDefault(t => t is not ("string" or "string_attribute" or "owner" or "number_attribute" or "simple_date_attribute"));

    // gte / gt / lt / lte, any combination; a record without the value is in no range.
    internal static bool InRange(JsonElement term, double? value) =>
        value is { } v &&
        (!term.TryGetProperty("gte", out var gte) || v >= gte.GetDouble()) &&
        (!term.TryGetProperty("gt", out var gt) || v > gt.GetDouble()) &&
        (!term.TryGetProperty("lt", out var lt) || v < lt.GetDouble()) &&
        (!term.TryGetProperty("lte", out var lte) || v <= lte.GetDouble());

    private static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Orders by an attribute (numbers, dates in ms) when <c>sort_by</c> names one; records without it last.</summary>
    private static int[] SortedBy(int[] matched, string? sortBy, bool descending, Func<int, SampleAccount> account)
    {
        if (sortBy is null or "display_name" or "name")
        {
            return descending ? [.. matched.Reverse()] : matched;
        }

        var keyed = matched.Select(i => (Index: i, Key: Number(Attribute(account(i), sortBy)))).ToList();
        var present = keyed.Where(k => k.Key is not null);
        var ordered = descending ? present.OrderByDescending(k => k.Key) : present.OrderBy(k => k.Key);
        return [.. ordered.ThenBy(k => k.Index).Select(k => k.Index), .. keyed.Where(k => k.Key is null).Select(k => k.Index)];
    }

    private static byte[] Page(int[] matched, SampleQuery query, Func<int, SampleAccount> account, string serviceId)
    {
        return SampleJsonWriter.SearchPage("accounts", matched.Length, query.Offset, Math.Min(matched.Length, query.Offset + query.Count), serviceId, took: 3,
            (writer, i) => WriteHit(writer, account(matched[i]), query.Fields));
    }

    private static void WriteHit(Utf8JsonWriter writer, SampleAccount account, JsonElement fields)
    {
        writer.WriteStartObject();
        writer.WriteString("name", account.AccountId);
        writer.WriteString("display_name", account.Name);
        writer.WriteNumber("last_activity_time", account.LastActivity.ToUnixTimeMilliseconds());
        writer.WriteStartArray("selected_fields");
        foreach (var field in fields.EnumerateArray())
        {
            WriteValue(writer, FieldValue(field, account));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>An account's value for one field spec (what <c>selected_fields</c> holds), or null.</summary>
    internal static object? FieldValue(JsonElement field, SampleAccount account) => Text(field, "type") switch
    {
        "string" => Text(field, "term") switch
        {
            "health" => account.Health,
            "status_group" => account.Status.ToLowerInvariant(),
            _ => null,
        },
        "health_trend" => account.HealthPrevious == account.Health ? "unchanged" : $"{account.HealthPrevious} → {account.Health}",
        "string_attribute" or "number_attribute" or "simple_date_attribute" => Attribute(account, Text(field, "attribute")),
        "owner" => Owner(account).Email,
        _ => null,
    };

    private static object? Attribute(SampleAccount account, string? attribute) => attribute switch
    {
        "Success Manager" => Owner(account).Name,
        "Success Manager Email" => Owner(account).Email,
        "Contract Value" => ContractValue(account),
        "Contract Renewal Date" => new DateTimeOffset(account.RenewalDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(),
        "Region" => account.Region,
        "Plan" => account.Plan,
        "Plan Type" => account.PlanType,
        "Licenses" => account.Licenses,
        _ => null,
    };

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static int Int(JsonElement element, string name, int fallback) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : fallback;

    internal static byte[] Failed(string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "failed");
            writer.WriteString("_error", message);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
