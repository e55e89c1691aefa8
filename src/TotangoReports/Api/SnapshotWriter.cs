using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>
/// Records every page another source answers, byte for byte, into a snapshot directory
/// (<c>fetch DEF --save DIR</c>): <c>pages/*.json</c> plus <c>index.json</c> mapping each request to its file —
/// List API pages by list, endpoint, return, since, offset and length; Search API pages by entity and query.
/// Wrap the live source with it and fetch as usual; call <see cref="CompleteAsync"/> (or dispose) at the end.
/// </summary>
internal sealed class SnapshotWriter : IPooledActiveListSource, ISearchSource, IRequestStatistics, IAsyncDisposable
{
    private static readonly JsonSerializerOptions IndexJson = new() { WriteIndented = true };
    private readonly IActiveListSource _inner;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, SnapshotEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();
    private long _calls;
    private bool _completed;

    public SnapshotWriter(string directory, IActiveListSource inner, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(inner);
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        _inner = inner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "pages"));
    }

    public string Directory { get; }

    public long Requests => _inner is IRequestStatistics s ? s.Requests : Interlocked.Read(ref _calls);

    public long Retries => _inner is IRequestStatistics s ? s.Retries : 0;

    public async Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        using var page = await RentPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false);
        return page.Memory.ToArray();
    }

    public async Task<IMemoryOwner<byte>> RentPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Interlocked.Increment(ref _calls);
        var body = _inner is IPooledActiveListSource pooled
            ? await pooled.RentPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false)
            : PooledBuffer.Wrap(await _inner.GetPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false));
        try
        {
            await SaveAsync(query, offset, length, body.Memory, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        return body;
    }

    public async Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queryJson);
        if (_inner is not ISearchSource searcher)
        {
            throw new TotangoConfigurationException("The source being saved does not answer the Search API (source: search datasets): save from the live API or --sample.");
        }

        Interlocked.Increment(ref _calls);
        var body = await searcher.SearchAsync(entity, queryJson, cancellationToken).ConfigureAwait(false);
        var path = SearchQuery.Path(entity);
        var entry = SnapshotSource.SearchEntry(path, queryJson, "pages/" + SnapshotSource.SearchFileName(path, queryJson));
        await SaveAsync(entry, body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    private async Task SaveAsync(ActiveListQuery query, int offset, int length, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var entry = new SnapshotEntry
        {
            List = query.ListId,
            Endpoint = QueryText.Endpoint(query.Endpoint),
            Return = QueryText.Return(query.Return),
            Since = query.SinceUnixSeconds,
            Offset = offset,
            Length = length,
            File = "pages/" + FileName(query, offset, length),
        };
        await SaveAsync(entry, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(SnapshotEntry entry, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(Path.Combine(Directory, entry.File), body, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var key = SnapshotSource.Key(entry);
            if (_entries.TryAdd(key, entry))
            {
                _order.Add(key);
            }
            else
            {
                _entries[key] = entry;
            }
        }
    }

    /// <summary>Writes <c>index.json</c> (to a temporary file, then moved into place). Safe to call twice.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        SnapshotIndex index;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            index = new SnapshotIndex { Created = _timeProvider.GetUtcNow(), Pages = [.. _order.Select(k => _entries[k])] };
        }

        var path = Path.Combine(Directory, SnapshotIndex.FileName);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(index, IndexJson), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    public async ValueTask DisposeAsync() => await CompleteAsync().ConfigureAwait(false);

    private static string FileName(ActiveListQuery query, int offset, int length)
    {
        var name = new StringBuilder();
        foreach (var c in query.ListId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        name.Append('-').Append(QueryText.Endpoint(query.Endpoint));
        name.Append('-').Append(QueryText.Return(query.Return) ?? "summary");
        if (query.SinceUnixSeconds is { } since)
        {
            name.Append("-since").Append(since.ToString(CultureInfo.InvariantCulture));
        }

        name.Append(CultureInfo.InvariantCulture, $"-o{offset}-l{length}.json");
        return name.ToString();
    }
}
