using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Sample.Internal;

/// <summary>
/// Writes sample accounts and pages in the API's JSON shape (the vendor page, made strict JSON), or with what the
/// vendor's scripts read (<see cref="SampleShape"/>).
/// </summary>
internal static class SampleJsonWriter
{
    /// <summary>Non-ASCII text stays readable, as a real server sends it; quotes and controls are still escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// One Search API page (totango-search-api.md): <c>{status, service_id, [took], response: {ENTITY: {total_hits,
    /// hits: [...]}}}</c>, hits <paramref name="from"/> up to <paramref name="to"/> (exclusive) written by
    /// <paramref name="writeHit"/>. Accounts, users and events share it; only their hits differ.
    /// </summary>
    public static byte[] SearchPage(string entity, int totalHits, int from, int to, string serviceId, int? took, Action<Utf8JsonWriter, int> writeHit)
    {
        var buffer = new ArrayBufferWriter<byte>(16_384);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteString("service_id", serviceId);
            if (took is { } milliseconds)
            {
                writer.WriteNumber("took", milliseconds);
            }

            writer.WriteStartObject("response");
            writer.WriteStartObject(entity);
            writer.WriteNumber("total_hits", totalHits);
            writer.WriteStartArray("hits");
            for (var i = from; i < to; i++)
            {
                writeHit(writer, i);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WritePageStart(Utf8JsonWriter writer, string serviceId)
    {
        writer.WriteStartObject();
        writer.WriteString("service_id", serviceId);
        writer.WriteString("_revision", "r12692");
        writer.WriteString("_type", "accounts-active-list");
        writer.WritePropertyName("_version");
        writer.WriteRawValue("1.0");
        writer.WriteStartArray("accounts");
    }

    public static void WritePageEnd(Utf8JsonWriter writer, long totalItems, int count, int length, int offset)
    {
        writer.WriteEndArray();
        writer.WriteNumber("total_items", totalItems);
        writer.WriteNumber("current_item_count", count);
        writer.WriteStartObject("response_header");
        writer.WriteString("scope", "all");
        writer.WriteNumber("length", length);
        writer.WriteNumber("offset", offset);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteAccount(Utf8JsonWriter writer, SampleAccount a, ReturnType returnType, SampleShape shape)
    {
        writer.WriteStartObject();
        writer.WriteString("account_id", a.AccountId);
        writer.WriteString("name", a.Name);
        writer.WriteStartObject("status");
        writer.WriteString("current", a.Status);
        writer.WriteNumber("changed", a.StatusChanged.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        writer.WriteString("foreign_id", a.ForeignId);
        writer.WriteString("SF_id", a.SalesforceId);
        writer.WriteStartObject("engagement");
        writer.WriteStartObject("score");
        writer.WriteNumber("change", a.ScoreChange);
        writer.WriteNumber("current", a.Score);
        writer.WriteEndObject();
        writer.WriteStartObject("health");
        writer.WriteString("current", a.Health);
        writer.WriteString("previous", a.HealthPrevious);
        writer.WriteString("reason", a.HealthReason);
        writer.WriteNumber("last_changed", a.HealthLastChanged.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("attributes");
        writer.WriteString("Region", a.Region);
        writer.WriteString("Plan", a.Plan);
        writer.WriteString("Plan Type", a.PlanType);
        writer.WriteString("Renewal-Date", a.RenewalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("Licenses", a.Licenses.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        var all = returnType == ReturnType.All;
        if (returnType == ReturnType.Stats || all)
        {
            if (shape.Frequency)
            {
                WriteFrequency(writer, a.Stats["past_30d"]);
            }

            WriteStats(writer, a, shape);
        }

        if (returnType == ReturnType.Users || all)
        {
            WriteUsers(writer, a);
        }

        if (returnType == ReturnType.Lifecycle || all)
        {
            WriteLifecycle(writer, a);
        }

        writer.WriteEndObject();
    }

    private static void WriteStats(Utf8JsonWriter writer, SampleAccount a, SampleShape shape)
    {
        var windows = shape.Windows;
        writer.WriteStartObject("stats");
        writer.WriteStartObject("users");
        foreach (var window in windows)
        {
            var s = a.Stats[window];
            writer.WriteStartObject(window);
            writer.WriteNumber("all", s.Users);
            WriteCounts(writer, "modules", s.UserModules, asStrings: true);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (shape.Activities == ActivityShape.Legacy)
        {
            foreach (var window in windows)
            {
                writer.WriteStartObject(window);
                WriteActivityList(writer, a, window);
                writer.WriteEndObject();
            }
        }
        else
        {
            writer.WriteStartObject("activities");
            foreach (var window in windows)
            {
                var s = a.Stats[window];
                writer.WriteStartObject(window);
                writer.WriteNumber("all", s.ActivitiesAll);
                if (shape.Activities == ActivityShape.Scripts)
                {
                    WriteActivityList(writer, a, window);
                }
                else
                {
                    WriteCounts(writer, "actions", s.Actions, a.CountsAsStrings);
                }

                WriteCounts(writer, "modules", s.ActivityModules, asStrings: true);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteNumber("last_activity", a.LastActivity.ToUnixTimeMilliseconds());
        writer.WriteNumber("first_activity", a.FirstActivity.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
    }

    /// <summary><c>activities: [{name, current}]</c>, the list the scripts read.</summary>
    private static void WriteActivityList(Utf8JsonWriter writer, SampleAccount a, string window)
    {
        writer.WriteStartArray("activities");
        foreach (var (name, count) in a.Stats[window].Actions)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            WriteCount(writer, "current", count, a.CountsAsStrings);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The top-level <c>frequency</c> accountsEngagement.php reads: the 30-day visit frequency.</summary>
    private static void WriteFrequency(Utf8JsonWriter writer, SampleWindowStats stats)
    {
        writer.WriteStartObject("frequency");
        writer.WriteNumber("current", stats.VisitFrequency);
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, int> counts, bool asStrings)
    {
        writer.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            WriteCount(writer, key, count, asStrings);
        }

        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int count, bool asString)
    {
        if (asString)
        {
            writer.WriteString(name, count.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber(name, count);
        }
    }

    private static void WriteUsers(Utf8JsonWriter writer, SampleAccount a)
    {
        writer.WriteStartArray("users");
        foreach (var user in a.Users)
        {
            writer.WriteStartObject();
            writer.WriteString("name", user.Name);
            writer.WriteNumber("first_usage", user.FirstUsage.ToUnixTimeMilliseconds());
            writer.WriteNumber("last_usage", user.LastUsage.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>As on the vendor page: <c>current</c>/<c>changed</c> is the latest step, <c>history</c> the steps before it.</summary>
    private static void WriteLifecycle(Utf8JsonWriter writer, SampleAccount a)
    {
        var current = a.Lifecycle[^1];
        writer.WriteStartObject("lifecycle");
        writer.WriteString("current", current.Status);
        writer.WriteNumber("changed", current.Changed.ToUnixTimeMilliseconds());
        writer.WriteStartArray("history");
        for (var i = 0; i < a.Lifecycle.Count - 1; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("status", a.Lifecycle[i].Status);
            writer.WriteNumber("changed", a.Lifecycle[i].Changed.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
