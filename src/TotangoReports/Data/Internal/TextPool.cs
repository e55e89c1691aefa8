namespace TotangoReports.Data.Internal;

/// <summary>
/// Shares one string instance between cells holding the same short text (regions, plans, health), so repeated values
/// cost one reference each. Bounded, so unique values such as ids don't make the pool itself the memory problem.
/// </summary>
internal sealed class TextPool
{
    private const int MaxLength = 32;
    private const int MaxEntries = 20_000;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public object? Share(object? cell)
    {
        if (cell is not string text || text.Length > MaxLength)
        {
            return cell is double d ? Boxes.Of(d) : cell;
        }

        if (_pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (_pool.Count < MaxEntries)
        {
            _pool.Add(text, text);
        }

        return text;
    }
}
