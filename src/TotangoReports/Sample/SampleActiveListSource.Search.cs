using System.Collections.Concurrent;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample.Internal;

namespace TotangoReports.Sample;

/// <summary>The Search API over the same sample accounts as the active lists (accounts; ordered by display name).</summary>
public sealed partial class SampleActiveListSource : ISearchSource
{
    private readonly ConcurrentDictionary<string, Lazy<int[]>> _searchMembers = new(StringComparer.Ordinal);

    Task<ReadOnlyMemory<byte>> ISearchSource.SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ReadOnlyMemory<byte>>(Search(entity, queryJson));
    }

    /// <summary>One Search API answer body for the form field <c>query</c> (the emulator serves it as is).</summary>
    internal byte[] Search(SearchEntity entity, string queryJson) => entity == SearchEntity.Accounts
        ? SampleSearch.Answer(queryJson, SearchMembers, Options.Seed, Options.ServiceId)
        : """{"status":"failed","_error":"The sample data answers search/accounts only"}"""u8.ToArray();

    // Matching accounts in display-name order (the API's default sort), computed once per distinct terms.
    private int[] SearchMembers(string key, JsonElement terms)
    {
        var copy = terms.Clone();
        return _searchMembers.GetOrAdd(key, _ => new Lazy<int[]>(() =>
        {
            var matched = new List<(string Name, int Index)>();
            for (var i = 0; i < Options.Accounts; i++)
            {
                var account = SampleAccountFactory.Create(Options.Seed, i);
                if (SampleSearch.Matches(copy, account))
                {
                    matched.Add((account.Name, i));
                }
            }

            return [.. matched.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Index).Select(m => m.Index)];
        })).Value;
    }
}
