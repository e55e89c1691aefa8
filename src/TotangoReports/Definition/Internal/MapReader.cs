namespace TotangoReports.Definition.Internal;

/// <summary>
/// Reads one YAML map against the keys it may hold: unknown keys get a "did you mean" hint, repeated keys an error
/// pointing at the first one, and every value is looked up by name.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _misspelled = new(StringComparer.Ordinal);

    private MapReader(YamlNode? node) => Node = node;

    public YamlNode? Node { get; }

    public bool IsValid => Node is not null;

    /// <summary>
    /// Reads <paramref name="node"/> as a map. <paramref name="allowed"/> null = any key. <paramref name="what"/>
    /// names the map in messages ("dataset 'accounts'").
    /// </summary>
    public static MapReader Read(YamlNode node, DiagnosticBag bag, string what, IReadOnlyList<string>? allowed, string entryKind = "key")
    {
        if (node.Kind != YamlNodeKind.Mapping)
        {
            bag.Error(node, $"{what} must be a map (key: value), found {node.Describe()}");
            return new MapReader(null);
        }

        var reader = new MapReader(node);
        var own = node.Entries.Where(e => !IsMergeKey(e.Key)).ToList();
        var merged = MergedEntries(node, bag, what)
            .Where(m => !own.Exists(o => o.Key.Kind == YamlNodeKind.Scalar && o.Key.Value == m.Key.Value));
        foreach (var entry in own.Concat(merged))
        {
            var key = entry.Key;
            if (key.Kind != YamlNodeKind.Scalar)
            {
                bag.Error(key, $"a key in {what} must be text, found {key.Describe()}");
                continue;
            }

            if (allowed is not null && !allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(key.Value, allowed);
                bag.Error(key, $"unknown key '{key.Value}' in {what}" + (suggestion is null ? string.Empty : $" — did you mean '{suggestion}'?"));
                if (suggestion is not null)
                {
                    reader._misspelled.Add(suggestion);
                }

                continue;
            }

            if (reader._entries.TryGetValue(key.Value, out var first))
            {
                bag.Error(key, $"duplicate {entryKind} '{key.Value}' in {what} (first at line {first.Key.Line})");
                continue;
            }

            reader._entries.Add(key.Value, entry);
        }

        return reader;
    }

    /// <summary>
    /// YAML merge keys (<c>&lt;&lt;: *defaults</c>): the entries of the merged map(s) that the map itself doesn't
    /// set; earlier maps in a merged list win over later ones.
    /// </summary>
    private static List<KeyValuePair<YamlNode, YamlNode>> MergedEntries(YamlNode node, DiagnosticBag bag, string what)
    {
        var merged = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var merge in node.Entries.Where(e => IsMergeKey(e.Key)))
        {
            var sources = merge.Value.Kind == YamlNodeKind.Sequence ? merge.Value.Items : [merge.Value];
            foreach (var source in sources)
            {
                if (source.Kind != YamlNodeKind.Mapping)
                {
                    bag.Error(source, $"'<<' in {what} merges maps only, found {source.Describe()}");
                    continue;
                }

                merged.AddRange([.. source.Entries.Where(e => !merged.Exists(m => m.Key.Value == e.Key.Value))]);
            }
        }

        return merged;
    }

    private static bool IsMergeKey(YamlNode key) => key is { Kind: YamlNodeKind.Scalar, IsQuoted: false, Value: "<<" };

    public IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries => _entries.Values.OrderBy(e => e.Key.Line).ThenBy(e => e.Key.Column);

    /// <summary>The value under <paramref name="key"/>; null when absent or written as null.</summary>
    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var e) && !e.Value.IsNull ? e.Value : null;

    public YamlNode? KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : null;

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>
    /// Whether a required <paramref name="key"/> should be reported missing: not when an unknown key was already
    /// reported as its likely typo ("colums"), which would say the same thing twice.
    /// </summary>
    public bool ReportMissing(string key) => !Has(key) && !_misspelled.Contains(key);
}
