namespace TotangoReports.Data.History;

/// <summary>
/// The account ids of the snapshots one read loads, each held once: twelve weekly snapshots of the same 100,000
/// accounts name the same ids, and holding each week's own copy of every id string was most of what a loaded history
/// weighed. Each snapshot keeps only an ordinal per row (<see cref="HistoryKeys"/>).
/// </summary>
/// <remarks>Filled while a read decodes (one thread), then only read.</remarks>
internal sealed class HistoryAccounts
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <summary>How many distinct ids are held.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="ordinal"/>.</summary>
    public string this[int ordinal] => _ids[ordinal];

    /// <summary>The ordinal of <paramref name="id"/>, added when new.</summary>
    public int Intern(string id)
    {
        if (!_ordinals.TryGetValue(id, out var ordinal))
        {
            ordinal = Add(id);
        }

        return ordinal;
    }

    /// <summary>The ordinal of the id spelled by <paramref name="id"/>; a string is made only for an id not seen yet.</summary>
    public int Intern(ReadOnlySpan<char> id)
    {
        var lookup = _ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(id, out var ordinal))
        {
            ordinal = Add(id.ToString());
        }

        return ordinal;
    }

    /// <summary>The ordinal of <paramref name="id"/>, or -1 when no loaded snapshot has it.</summary>
    public int OrdinalOf(string id) => _ordinals.TryGetValue(id, out var ordinal) ? ordinal : -1;

    private int Add(string id)
    {
        _ordinals.Add(id, _ids.Count);
        _ids.Add(id);
        return _ids.Count - 1;
    }
}

/// <summary>
/// The account id of each row of a snapshot, as ordinals into a shared <see cref="HistoryAccounts"/>; consecutive
/// snapshots of an unchanged list share one instance. Finds an account's row for "then" lookups.
/// </summary>
internal sealed class HistoryKeys
{
    private readonly HistoryAccounts _accounts;
    private readonly int[] _ordinals;
    private int[]? _rowByOrdinal;

    public HistoryKeys(HistoryAccounts accounts, int[] ordinals)
    {
        _accounts = accounts;
        _ordinals = ordinals;
    }

    /// <summary>How many rows.</summary>
    public int Count => _ordinals.Length;

    /// <summary>The account id of <paramref name="row"/>.</summary>
    public string this[int row] => _accounts[_ordinals[row]];

    /// <summary>Keys over fresh ids (a snapshot built in memory rather than read).</summary>
    public static HistoryKeys Of(int count, Func<int, string> id)
    {
        var accounts = new HistoryAccounts();
        var ordinals = new int[count];
        for (var i = 0; i < count; i++)
        {
            ordinals[i] = accounts.Intern(id(i));
        }

        return new HistoryKeys(accounts, ordinals);
    }

    /// <summary>The row of <paramref name="accountId"/> (its first, should an id repeat), or -1 when this snapshot lacks it.</summary>
    public int RowOf(string accountId)
    {
        var ordinal = _accounts.OrdinalOf(accountId);
        if (ordinal < 0)
        {
            return -1;
        }

        var rows = _rowByOrdinal ?? Index();
        return ordinal < rows.Length ? rows[ordinal] : -1;
    }

    // Built on the first lookup (a snapshot only drawn in a chart never needs it); racing builders make equal arrays.
    private int[] Index()
    {
        var rows = new int[_accounts.Count];
        Array.Fill(rows, -1);
        for (var row = _ordinals.Length - 1; row >= 0; row--)
        {
            rows[_ordinals[row]] = row;
        }

        return _rowByOrdinal = rows;
    }
}
