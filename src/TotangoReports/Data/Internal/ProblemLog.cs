using System.Globalization;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Collects data problems as one warning per subject (a column, the filter, an aggregate): how many rows were affected
/// and the first account, so 100,000 bad cells make one readable line, not 100,000.
/// </summary>
internal sealed class ProblemLog(string dataset)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    /// <summary>Where in the definition <paramref name="subject"/> was written, so its warnings start with <c>file:line:col</c>.</summary>
    public void Locate(string subject, SourceLocation location)
    {
        if (location.Line > 0)
        {
            _locations[subject] = location;
        }
    }

    public string Prefix(string subject) => _locations.TryGetValue(subject, out var location) ? $"{location}: " : string.Empty;

    /// <summary>
    /// Holds <paramref name="subject"/>'s place in the warnings' order before it is evaluated: subjects computed out of
    /// the definition's order (charts over history share one walk of the past) still warn in the order written.
    /// </summary>
    public void Reserve(string subject)
    {
        if (!_order.Contains(subject))
        {
            _order.Add(subject);
        }
    }

    public void Add(string subject, string problem, string accountId, string consequence)
    {
        if (_entries.TryGetValue(subject, out var entry))
        {
            entry.Count++;
            return;
        }

        _entries[subject] = new Entry(problem, accountId, consequence);
        Reserve(subject);
    }

    /// <summary>A problem with the definition, not with rows (an aggregate over a column of the wrong kind): said once, without counts.</summary>
    public void Add(string subject, string problem, string consequence)
    {
        if (_entries.TryAdd(subject, new Entry(problem, null, consequence)))
        {
            Reserve(subject);
        }
    }

    public IReadOnlyList<string> ToWarnings() =>
        _order.Where(_entries.ContainsKey).Select(subject =>
        {
            var e = _entries[subject];
            if (e.AccountId is null)
            {
                return $"{Prefix(subject)}dataset '{dataset}': {subject}: {e.Problem}; {e.Consequence}.";
            }

            var times = e.Count == 1 ? "1 account" : string.Create(CultureInfo.InvariantCulture, $"{e.Count} accounts");
            return $"{Prefix(subject)}dataset '{dataset}': {subject}: {e.Problem} ({times}, first: account '{e.AccountId}'); {e.Consequence}.";
        }).ToList();

    /// <summary>Bad values are shown in warnings only briefly: they are data, and could be long.</summary>
    public static string Shorten(string? value) =>
        value is null ? "null" : value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private sealed class Entry(string problem, string? accountId, string consequence)
    {
        public string Problem { get; } = problem;

        public string? AccountId { get; } = accountId;

        public string Consequence { get; } = consequence;

        public int Count { get; set; } = 1;
    }
}
