using System.Text.Json;
using TotangoReports.Definition;
using TotangoReports.Definition.Internal;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Notices path columns that no fetched account has (a typo against the tenant's data, or an attribute nobody set):
/// while a column has found nothing it remembers the keys at the deepest part of its path the data does have, so
/// the warning can name them. A column is done with at its first value, so a healthy run pays one lookup per column.
/// </summary>
internal sealed class PathPresence(IReadOnlyList<PathColumn> columns)
{
    private const int MaxKeys = 200;

    private readonly bool[] _seen = new bool[columns.Count];
    private readonly (int Depth, SortedSet<string> Keys)[] _nearest = [.. columns.Select(_ => (-1, new SortedSet<string>(StringComparer.Ordinal)))];

    public void Observe(JsonElement record)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (_seen[c] || columns[c].Path is not { } path)
            {
                continue;
            }

            if (JsonNavigator.TryGet(record, path.Segments, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                _seen[c] = true;
                _nearest[c].Keys.Clear();
                continue;
            }

            Remember(c, record, path);
        }
    }

    /// <summary>One warning per column that found nothing in any of <paramref name="accounts"/> accounts.</summary>
    public IEnumerable<(string Column, string Problem)> Missing(int accounts)
    {
        if (accounts == 0)
        {
            yield break;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (_seen[c] || columns[c].Path is not { } path)
            {
                continue;
            }

            var (depth, keys) = _nearest[c];
            var at = depth <= 0 ? "the record" : $"'{Prefix(path, depth)}'";
            var wanted = depth >= 0 && depth < path.Segments.Count ? path.Segments[depth].Name ?? string.Empty : string.Empty;
            var nearest = keys.OrderBy(k => Suggestions.Distance(k.ToUpperInvariant(), wanted.ToUpperInvariant())).ThenBy(k => k, StringComparer.Ordinal).Take(8).ToList();
            var has = nearest.Count == 0 ? $"{at} has no keys there" : $"{at} has {string.Join(", ", nearest)}{(keys.Count > nearest.Count ? ", …" : string.Empty)}";
            yield return (columns[c].Name, $"path '{path.Text}' is in none of the {accounts:#,##0} accounts fetched ({has})");
        }
    }

    private void Remember(int column, JsonElement record, RecordPath path)
    {
        // Walk as far as the record goes; the keys of the last object reached are what the user may have meant.
        var value = record;
        var depth = 0;
        foreach (var segment in path.Segments)
        {
            if (segment.Name is { } name && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var next) && next.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                value = next;
                depth++;
            }
            else if (segment.Index is { } index && value.ValueKind == JsonValueKind.Array && index < value.GetArrayLength())
            {
                value = value[index];
                depth++;
            }
            else
            {
                break;
            }
        }

        ref var nearest = ref _nearest[column];
        if (depth < nearest.Depth || value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (depth > nearest.Depth)
        {
            nearest = (depth, new SortedSet<string>(StringComparer.Ordinal));
        }

        foreach (var property in value.EnumerateObject())
        {
            if (nearest.Keys.Count >= MaxKeys)
            {
                break;
            }

            nearest.Keys.Add(property.Name);
        }
    }

    private static string Prefix(RecordPath path, int depth) =>
        string.Join('.', path.Segments.Take(depth).Select(s => s.Name ?? $"[{s.Index}]"));
}
