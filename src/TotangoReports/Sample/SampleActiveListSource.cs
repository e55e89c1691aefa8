using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Sample;

/// <summary>
/// Serves the deterministic sample data as exact API pages (the vendor page's envelope), honouring endpoint,
/// <c>return</c>, <c>length</c>, <c>offset</c> and <c>since</c>. Lists: 1 = all accounts, 1004 = paying accounts,
/// 1010 = at-risk accounts (health Poor, not churned). Accounts are generated on demand, so memory stays small
/// whatever the size. Both the emulator and <c>run --sample</c> read through it.
/// </summary>
public sealed partial class SampleActiveListSource : IActiveListSource
{
    /// <summary>The list ids that exist, with what they hold.</summary>
    public static readonly IReadOnlyDictionary<string, string> Lists = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SampleLists.All] = "All accounts",
        [SampleLists.Paying] = "Paying accounts",
        [SampleLists.AtRisk] = "At-risk accounts (health Poor, not churned)",
    };

    private readonly ConcurrentDictionary<(string List, ListEndpoint Endpoint, long? Since), Lazy<int[]>> _members = new();
    private readonly Lock _gate = new();
    private int[] _insertedAtHead = [];

    /// <summary>Creates the source; null = the defaults (700 accounts, seed 1).</summary>
    public SampleActiveListSource(SampleSourceOptions? options = null)
    {
        Options = options ?? new SampleSourceOptions();
        Options.Validate();
    }

    /// <summary>How the data is generated and paged.</summary>
    public SampleSourceOptions Options { get; }

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ReadOnlyMemory<byte>>(RenderPage(query, offset, length, Options.OffsetMode, Options.PageSizeCap, Options.Shape));
    }

    /// <summary>
    /// Simulates the list changing while it is read: a new account enters at the head of every list's current
    /// view. Returns its account id.
    /// </summary>
    public string InsertAccountAtHead()
    {
        lock (_gate)
        {
            var index = Options.Accounts + _insertedAtHead.Length;
            _insertedAtHead = [index, .. _insertedAtHead];
            return SampleAccountFactory.Create(Options.Seed, index, Options.Epoch).AccountId;
        }
    }

    /// <summary>Account indexes of a query's result in list order.</summary>
    internal IReadOnlyList<int> Members(ActiveListQuery query)
    {
        var key = (query.ListId, query.Endpoint, query.Endpoint == ListEndpoint.Current ? null : query.SinceUnixSeconds);
        var baseMembers = _members.GetOrAdd(key, k => new Lazy<int[]>(() => ComputeMembers(k.List, k.Endpoint, k.Since))).Value;
        var head = query.Endpoint == ListEndpoint.Current ? _insertedAtHead : [];
        return head.Length == 0 ? baseMembers : [.. head, .. baseMembers];
    }

    /// <summary>
    /// One page as bytes. Throws <see cref="TotangoApiException"/> (status 400) for what the real API would refuse.
    /// <paramref name="mode"/> is the server's reading of <paramref name="offset"/>; Auto reads it as a page index.
    /// </summary>
    internal byte[] RenderPage(ActiveListQuery query, int offset, int length, OffsetMode mode, int pageSizeCap, SampleShape shape)
    {
        var plan = Plan(query, offset, length, mode, pageSizeCap);
        var buffer = new ArrayBufferWriter<byte>(16_384 + (plan.Count * (query.Return is ReturnType.Stats or ReturnType.All ? 4096 : 600)));
        using (var writer = new Utf8JsonWriter(buffer, SampleJsonWriter.WriterOptions))
        {
            WritePageStart(writer);
            WriteAccounts(writer, plan, 0, plan.Count, shape);
            WritePageEnd(writer, plan);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Validates a request and works out which accounts its page holds, before anything is written.</summary>
    internal SamplePagePlan Plan(ActiveListQuery query, int offset, int length, OffsetMode mode, int pageSizeCap)
    {
        if (!SampleLists.Exists(query.ListId))
        {
            throw BadRequest($"Active list {query.ListId} does not exist (sample lists: {string.Join(", ", Lists.Keys)}).");
        }

        if (query.Endpoint != ListEndpoint.Current && query.SinceUnixSeconds is null)
        {
            throw BadRequest($"since is required for {QueryText.Endpoint(query.Endpoint)}.json (unix time in seconds).");
        }

        if (offset < 0 || length < 0)
        {
            throw BadRequest("offset and length must not be negative.");
        }

        var effective = Math.Min(length == 0 ? 100 : length, pageSizeCap);
        var list = Members(query);
        var start = mode == OffsetMode.Item ? (long)offset : (long)offset * effective;
        var count = (int)Math.Clamp(list.Count - start, 0, effective);
        return new SamplePagePlan(query, list, (int)Math.Min(start, list.Count), count, effective, offset);
    }

    internal void WritePageStart(Utf8JsonWriter writer) => SampleJsonWriter.WritePageStart(writer, Options.ServiceId);

    /// <summary>Accounts <paramref name="from"/>..<paramref name="to"/> (exclusive) of the page, so a server can stream them.</summary>
    internal void WriteAccounts(Utf8JsonWriter writer, SamplePagePlan plan, int from, int to, SampleShape shape)
    {
        for (var i = from; i < to; i++)
        {
            var account = Account(plan.Members[plan.Start + i]);
            SampleJsonWriter.WriteAccount(writer, account, plan.Query.Return, shape);
        }
    }

    internal static void WritePageEnd(Utf8JsonWriter writer, SamplePagePlan plan) =>
        SampleJsonWriter.WritePageEnd(writer, plan.Members.Count, plan.Count, plan.Length, plan.Offset);

    private static TotangoApiException BadRequest(string message) => new(message) { StatusCode = 400 };

    private int[] ComputeMembers(string listId, ListEndpoint endpoint, long? since)
    {
        var sinceTime = since is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
        return [.. PresentAccounts().Where(i => SampleLists.Contains(listId, endpoint, sinceTime, Account(i)))];
    }

    /// <summary>Account <paramref name="index"/> as served: generated at the epoch, drifted by <see cref="SampleSourceOptions.DriftWeeks"/>.</summary>
    /// <summary>Whether the account at <paramref name="index"/> is in the tenant now (with drift some enter and leave).</summary>
    private bool IsPresent(int index) => Options.DriftWeeks == 0 || SampleDrift.Present(Options.Seed, index, Options.Accounts, Options.DriftWeeks);

    /// <summary>The indexes of the accounts in the tenant now: what every API (lists and searches) answers from.</summary>
    private IEnumerable<int> PresentAccounts() => Enumerable.Range(0, SampleDrift.IndexLimit(Options.Accounts, Options.DriftWeeks)).Where(IsPresent);

    internal SampleAccount Account(int index) =>
        SampleDrift.Apply(SampleAccountFactory.Create(Options.Seed, index, Options.Epoch), Options.Seed, Options.DriftWeeks);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sample data ({Options.Accounts} accounts, seed {Options.Seed})");
}
