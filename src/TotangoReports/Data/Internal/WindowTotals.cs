using System.Collections;
using System.Diagnostics.CodeAnalysis;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// <see cref="AccountFacts.ActivityTotals"/> as a view over one small array (NaN = window absent), so 100,000
/// accounts don't each carry a dictionary.
/// </summary>
internal sealed class WindowTotals(double[]? totals) : IReadOnlyDictionary<string, double>
{
    private static readonly IReadOnlyList<string> Windows = ActivitiesDefinition.KnownWindows;

    public static WindowTotals Empty { get; } = new(null);

    public int Count => Pairs().Count();

    public IEnumerable<string> Keys => Pairs().Select(p => p.Key);

    public IEnumerable<double> Values => Pairs().Select(p => p.Value);

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        value = 0;
        var slot = IndexOf(key);
        if (totals is null || slot < 0 || double.IsNaN(totals[slot]))
        {
            return false;
        }

        value = totals[slot];
        return true;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => Pairs().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(string key)
    {
        for (var i = 0; i < Windows.Count; i++)
        {
            if (string.Equals(Windows[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private IEnumerable<KeyValuePair<string, double>> Pairs()
    {
        if (totals is null)
        {
            yield break;
        }

        for (var i = 0; i < totals.Length; i++)
        {
            if (!double.IsNaN(totals[i]))
            {
                yield return new KeyValuePair<string, double>(Windows[i], totals[i]);
            }
        }
    }
}
