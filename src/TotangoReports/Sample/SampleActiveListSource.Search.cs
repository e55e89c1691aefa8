using System.Collections.Concurrent;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Sample;

/// <summary>
/// The Search API over the same sample accounts as the active lists: accounts (ordered by display name), their users
/// (by display name, with the parent account's fields) and their timeline events (newest first).
/// </summary>
public sealed partial class SampleActiveListSource : ISearchSource
{
    private readonly ConcurrentDictionary<string, Lazy<int[]>> _searchMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(int, int)[]>> _userMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(int, int)[]>> _eventMembers = new(StringComparer.Ordinal);

    Task<ReadOnlyMemory<byte>> ISearchSource.SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ReadOnlyMemory<byte>>(Search(entity, queryJson));
    }

    /// <summary>One Search API answer body for the form field <c>query</c> (the emulator serves it as is).</summary>
    internal byte[] Search(SearchEntity entity, string queryJson) => entity switch
    {
        SearchEntity.Users => SearchUsers(queryJson),
        SearchEntity.Events => SearchEvents(queryJson),
        _ => SampleSearch.Answer(queryJson, SearchMembers, Account, Options.ServiceId),
    };

    // Matching accounts in display-name order (the API's default sort), computed once per distinct terms.
    private int[] SearchMembers(string key, JsonElement terms)
    {
        var copy = terms.Clone();
        return _searchMembers.GetOrAdd(key, _ => new Lazy<int[]>(() =>
        {
            var matched = new List<(string Name, int Index)>();
            foreach (var i in PresentAccounts())
            {
                var account = Account(i);
                if (SampleSearch.Matches(copy, account))
                {
                    matched.Add((account.Name, i));
                }
            }

            return [.. matched.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Index).Select(m => m.Index)];
        })).Value;
    }

    private byte[] SearchUsers(string queryJson)
    {
        using var document = SampleQuery.Parse(queryJson, out var refusal);
        var query = document is null ? null : SampleQuery.Read(document.RootElement, pageNumbers: false, out refusal);
        if (query is null)
        {
            return refusal!;
        }

        using var parentTerms = JsonDocument.Parse(SampleUserSearch.ParentTerms(query.Terms));
        if ((SampleUserSearch.UnknownTerm(query.Terms) ?? SampleSearch.UnknownTerm(parentTerms.RootElement)) is { } unknown)
        {
            return SampleSearch.Failed($"Unsupported term type '{unknown}'");
        }

        var accounts = SearchMembers(parentTerms.RootElement.GetRawText(), parentTerms.RootElement);
        var terms = query.Terms.Clone();
        var members = _userMembers.GetOrAdd(terms.GetRawText(), _ => new Lazy<(int, int)[]>(() =>
        {
            var matched = new List<(string Name, string Id, int Account, int User)>();
            foreach (var index in accounts)
            {
                var account = Account(index);
                for (var u = 0; u < account.Users.Count; u++)
                {
                    if (SampleUserSearch.Matches(terms, account.Users[u], u))
                    {
                        matched.Add((SampleUserSearch.DisplayName(account.Users[u].Name), account.Users[u].Name, index, u));
                    }
                }
            }

            return [.. matched.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => (m.Account, m.User))];
        })).Value;
        var root = document!.RootElement;
        var parentFields = root.TryGetProperty("parent_account_fields", out var p) ? p : default;
        var sortBy = root.TryGetProperty("sort_by", out var sort) ? sort.GetString() : null;
        var descending = root.TryGetProperty("sort_order", out var order) && string.Equals(order.GetString(), "DESC", StringComparison.OrdinalIgnoreCase);
        return SampleUserSearch.Page(SortUsers(members, sortBy, descending), query, parentFields, Account, Options.ServiceId);
    }

    // sort_by a user time (what split_by reads its bounds with); users without it last. The default is display name.
    private (int, int)[] SortUsers((int Account, int User)[] members, string? sortBy, bool descending)
    {
        if (sortBy is not ("last_activity_time" or "first_activity_time"))
        {
            return descending ? [.. members.Reverse()] : members;
        }

        var keyed = members.Select(m =>
        {
            var user = Account(m.Account).Users[m.User];
            return (Member: m, Key: (sortBy == "last_activity_time" ? user.LastUsage : user.FirstUsage).ToUnixTimeMilliseconds());
        });
        var ordered = descending ? keyed.OrderByDescending(k => k.Key) : keyed.OrderBy(k => k.Key);
        return [.. ordered.Select(k => k.Member)];
    }

    private byte[] SearchEvents(string queryJson)
    {
        using var document = SampleQuery.Parse(queryJson, out var refusal);
        var query = document is null ? null : SampleQuery.Read(document.RootElement, pageNumbers: true, out refusal);
        if (query is null)
        {
            return refusal!;
        }

        if (query.Fields.GetArrayLength() != 0)
        {
            return SampleSearch.Failed("fields must be [] for events");
        }

        if (SampleEventSearch.UnknownTerm(query.Terms) is { } unknown)
        {
            return SampleSearch.Failed($"Unsupported term type '{unknown}'");
        }

        var terms = query.Terms.Clone();
        var members = _eventMembers.GetOrAdd(terms.GetRawText(), _ => new Lazy<(int, int)[]>(() =>
        {
            var matched = new List<(long Time, int Account, int Event)>();
            foreach (var i in PresentAccounts())
            {
                var events = EventsOf(i);
                for (var e = 0; e < events.Count; e++)
                {
                    if (SampleEventSearch.Matches(terms, events[e]))
                    {
                        matched.Add((events[e].Timestamp.ToUnixTimeMilliseconds(), i, e));
                    }
                }
            }

            return [.. matched.OrderByDescending(m => m.Time).ThenBy(m => m.Account).ThenBy(m => m.Event).Select(m => (m.Account, m.Event))];
        })).Value;
        return SampleEventSearch.Page(members, query, EventsOf, Account, Options.ServiceId);
    }

    /// <summary>The touches of the account at <paramref name="index"/>, as it is now.</summary>
    private IReadOnlyList<SampleEvent> EventsOf(int index) => SampleEvents.For(Account(index), Options.Seed, Options.Epoch);
}
