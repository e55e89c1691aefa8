using System.Globalization;
using System.Text.Json;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>
/// Serves the pages a <see cref="SnapshotWriter"/> saved (<c>run --snapshot DIR</c>), offline, byte for byte.
/// A request matches a saved page by list, endpoint, return, offset and length; <c>since</c> must match too unless
/// the snapshot holds only one <c>since</c> for that list and endpoint (a relative <c>since: 7d</c> moves every run).
/// A Search API call matches a saved page by entity and the exact query (terms, fields, offset, count, sort).
/// </summary>
internal sealed class SnapshotSource : IActiveListSource, ISearchSource
{
    /// <summary>The <c>list</c> of a Search API page in the index (its <c>endpoint</c> is the entity).</summary>
    public const string SearchList = "search";

    private readonly Dictionary<string, SnapshotEntry> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SnapshotEntry>> _ignoringSince = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="TotangoConfigurationException"/> when the directory is not a readable snapshot.</summary>
    public SnapshotSource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var indexPath = Path.Combine(Directory, SnapshotIndex.FileName);
        if (!File.Exists(indexPath))
        {
            throw new TotangoConfigurationException(
                $"{Directory} is not a snapshot: {SnapshotIndex.FileName} is missing. Create one with 'fetch DEF --save DIR' or 'sample-data --out DIR'.");
        }

        SnapshotIndex? index;
        try
        {
            index = JsonSerializer.Deserialize<SnapshotIndex>(File.ReadAllBytes(indexPath));
        }
        catch (JsonException ex)
        {
            throw new TotangoConfigurationException($"{indexPath}: not a valid snapshot index ({ex.Message}).", ex);
        }

        if (index is null || index.Format != SnapshotIndex.FormatName)
        {
            throw new TotangoConfigurationException($"{indexPath}: not a TotangoReports snapshot index.");
        }

        foreach (var entry in index.Pages)
        {
            _exact[Key(entry)] = entry;
            if (entry.Query is not null)
            {
                // A search page matches its exact query only: the loose match below is for a moving 'since'.
                continue;
            }

            var loose = Key(entry with { Since = null });
            if (!_ignoringSince.TryGetValue(loose, out var list))
            {
                _ignoringSince[loose] = list = [];
            }

            list.Add(entry);
        }

        PageCount = index.Pages.Count;
        Created = index.Created;
    }

    /// <summary>When the snapshot was fetched (its index's <c>created</c>): the time <c>history import</c> records it at.</summary>
    public DateTimeOffset Created { get; }

    public string Directory { get; }

    /// <summary>Pages the snapshot holds.</summary>
    public int PageCount { get; }

    public async Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = new SnapshotEntry
        {
            List = query.ListId,
            Endpoint = QueryText.Endpoint(query.Endpoint),
            Return = QueryText.Return(query.Return),
            Since = query.SinceUnixSeconds,
            Offset = offset,
            Length = length,
            File = string.Empty,
        };
        if (!_exact.TryGetValue(Key(wanted), out var entry))
        {
            var candidates = _ignoringSince.GetValueOrDefault(Key(wanted with { Since = null }));
            var sinces = candidates?.Select(c => c.Since).Distinct().Count() ?? 0;
            entry = sinces == 1 ? candidates![0] : null;
        }

        if (entry is null)
        {
            throw new TotangoConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Snapshot {Directory} has no page for {QueryText.Describe(query)} at offset {offset}, length {length}. Save it again with 'fetch DEF --save DIR' using the same definition and Totango:PageSize / Totango:OffsetMode."));
        }

        return await ReadAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queryJson);
        var path = SearchQuery.Path(entity);
        if (!_exact.TryGetValue(Key(SearchEntry(path, queryJson, string.Empty)), out var entry))
        {
            throw new TotangoConfigurationException(
                $"Snapshot {Directory} has no Search API page for search/{path} with this query ({(queryJson.Length > 160 ? queryJson[..160] + "…" : queryJson)}). Save it again with 'fetch DEF --save DIR' using the same definition.");
        }

        return await ReadAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A Search API page's file name: the entity and a hash of the query, so the same query maps to one file.</summary>
    internal static string SearchFileName(string entity, string queryJson) =>
        $"search-{entity}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(queryJson)))[..16]}.json";

    /// <summary>The index entry of a Search API page: offset and length stay 0, the query says both.</summary>
    internal static SnapshotEntry SearchEntry(string entity, string queryJson, string file) =>
        new() { List = SearchList, Endpoint = entity, Offset = 0, Length = 0, Query = queryJson, File = file };

    private async Task<ReadOnlyMemory<byte>> ReadAsync(SnapshotEntry entry, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(Directory, entry.File.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            // An index is data, not a licence to read arbitrary files.
            throw new TotangoConfigurationException($"Snapshot index entry '{entry.File}' points outside {Directory}.");
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new TotangoConfigurationException($"Snapshot page {path} cannot be read: {ex.Message}", ex);
        }
    }

    internal static string Key(SnapshotEntry e) => string.Create(
        CultureInfo.InvariantCulture,
        $"{e.List}|{e.Endpoint}|{e.Return}|{e.Since}|{e.Offset}|{e.Length}|{e.Query}");
}
