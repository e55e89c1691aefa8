using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Sample;

/// <summary>
/// The built-in deterministic sample data set: realistic accounts (statuses, engagement, health, attributes, stats
/// for every window, users, lifecycle) including awkward names (accents, Hebrew, CJK, quotes and commas, text that
/// looks like a formula). Times are anchored at an epoch passed in (<see cref="Epoch"/> by default), never at the clock.
/// </summary>
public static class SampleData
{
    public const int DefaultAccounts = 700;

    public const int DefaultSeed = 1;

    /// <summary>"Now" for the sample data: 2026-11-23T00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The API's activity windows, shortest first.</summary>
    public static readonly IReadOnlyList<string> Windows = ["realtime_today", "past_1d", "past_3d", "past_7d", "past_14d", "past_30d", "past_90d"];

    /// <summary>The activity names the sample accounts perform.</summary>
    public static readonly IReadOnlyList<string> Actions = ["create-task", "delegate-task", "report-complete", "login", "export-report"];

    /// <summary>The <c>since</c> (unix seconds) used for the recent/past pages of a written snapshot: 30 days before <see cref="Epoch"/>.</summary>
    public static readonly long SnapshotSince = Epoch.AddDays(-30).ToUnixTimeSeconds();

    /// <summary>Accounts 0..accounts-1 of the set with this seed; the same arguments always give the same accounts.</summary>
    /// <param name="epoch">The sample's "now"; default <see cref="Epoch"/>.</param>
    public static IReadOnlyList<SampleAccount> Generate(int accounts, int seed, DateTimeOffset? epoch = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accounts);
        var result = new SampleAccount[accounts];
        for (var i = 0; i < accounts; i++)
        {
            result[i] = SampleAccountFactory.Create(seed, i, epoch);
        }

        return result;
    }

    /// <summary>One account as the API would send it, for tests and documentation.</summary>
    public static byte[] ToJson(SampleAccount account, ReturnType returnType, SampleShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        shape ??= SampleShape.Page;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SampleJsonWriter.WriterOptions))
        {
            account.WriteJson(writer, returnType, shape);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Writes a snapshot (<c>sample-data --accounts N --seed N --out DIR</c>) that <c>run --snapshot DIR</c> reads:
    /// lists 1 and 1004, current for every return type, and list 1 recent/past since <see cref="SnapshotSince"/>,
    /// paged as the default settings page (1000 per page). Pages are read through the same fetcher as live data.
    /// </summary>
    public static async Task WriteSnapshotAsync(string directory, int accounts, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var source = new SampleActiveListSource(new SampleSourceOptions { Accounts = accounts, Seed = seed });
        await using var writer = new SnapshotWriter(directory, source);
        var fetcher = new ActiveListFetcher(writer);
        var returns = new[] { ReturnType.Summary, ReturnType.Stats, ReturnType.Users, ReturnType.Lifecycle };
        var queries = new List<ActiveListQuery>();
        foreach (var list in new[] { SampleLists.All, SampleLists.Paying })
        {
            queries.AddRange(returns.Select(r => new ActiveListQuery(list, ListEndpoint.Current, r)));
        }

        queries.AddRange(returns.Select(r => new ActiveListQuery(SampleLists.All, ListEndpoint.Recent, r, SnapshotSince)));
        queries.AddRange(returns.Select(r => new ActiveListQuery(SampleLists.All, ListEndpoint.Past, r, SnapshotSince)));
        await fetcher.FetchAsync(queries, NullAccountSink.Instance, allowPartial: false, progress: null, cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
