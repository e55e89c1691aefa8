namespace TotangoReports.Data.Internal;

/// <summary>
/// Activity names → small ids, matched case-insensitively. With names from the definition only those are tracked and
/// headed as the definition spells them; without, every name seen is tracked, spelled as first seen.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly bool _fixed;

    public ActivityIndex(IReadOnlyList<string> names)
    {
        _fixed = names.Count > 0;
        foreach (var name in names)
        {
            if (_ids.TryAdd(name, _names.Count))
            {
                _names.Add(name);
            }
        }
    }

    public int Count => _names.Count;

    /// <summary>The id of <paramref name="name"/>, or -1 when the definition lists names and this isn't one.</summary>
    public int IdOf(string name)
    {
        if (_ids.TryGetValue(name, out var id))
        {
            return id;
        }

        if (_fixed)
        {
            return -1;
        }

        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        return id;
    }

    public string NameOf(int id) => _names[id];

    /// <summary>Ids in column order: the definition's order, or names sorted ignoring case.</summary>
    public IReadOnlyList<int> ColumnOrder()
    {
        var ids = Enumerable.Range(0, _names.Count);
        return _fixed ? ids.ToList() : ids.OrderBy(i => _names[i], StringComparer.OrdinalIgnoreCase).ThenBy(i => _names[i], StringComparer.Ordinal).ToList();
    }
}
