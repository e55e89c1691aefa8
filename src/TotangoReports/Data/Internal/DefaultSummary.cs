using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The headline without <c>summary:</c> (the report of before, but over the rows shown): accounts, average score,
/// health counts and last-30-days activity; charts of health, activity per window and the top accounts by score.
/// </summary>
internal static class DefaultSummary
{
    public const int TopAccountCount = 10;

    private static readonly string[] Healths = ["Good", "Average", "Poor"];

    public static IReadOnlyList<SummaryKpi> Kpis(IReadOnlyList<AccountFacts> accounts)
    {
        double scoreSum = 0;
        var scored = 0;
        double activity = 0;
        var withActivity = false;
        var health = new int[Healths.Length];
        foreach (var account in accounts)
        {
            if (account.Score is { } score)
            {
                scoreSum += score;
                scored++;
            }

            if (HealthIndex(account.Health) is var h and >= 0)
            {
                health[h]++;
            }

            if (account.ActivityTotals.TryGetValue("past_30d", out var count))
            {
                activity += count;
                withActivity = true;
            }
        }

        return
        [
            new("accounts", "Accounts", accounts.Count, "#,##0"),
            new("average-score", "Average score", scored == 0 ? null : scoreSum / scored, "0.0"),
            new("health-good", "Health: Good", health[0], "#,##0", KpiTone.Good),
            new("health-average", "Health: Average", health[1], "#,##0", KpiTone.Average),
            new("health-poor", "Health: Poor", health[2], "#,##0", KpiTone.Poor),
            new("activity-30d", "Activity, last 30 days", withActivity ? activity : null, "#,##0"),
        ];
    }

    public static IReadOnlyList<SummaryChart> Charts(IReadOnlyList<AccountFacts> accounts)
    {
        var charts = new List<SummaryChart>(3);
        if (Health(accounts) is { } health)
        {
            charts.Add(health);
        }

        if (Activity(accounts) is { } activity)
        {
            charts.Add(activity);
        }

        if (TopAccounts(accounts) is { } top)
        {
            charts.Add(top);
        }

        return charts;
    }

    /// <summary>Good/Average/Poor in that order whatever their case, then any other value; -1 for none.</summary>
    public static int HealthIndex(string? health)
    {
        for (var i = 0; i < Healths.Length; i++)
        {
            if (string.Equals(health, Healths[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Orders labels the way a reader expects health: Good, Average, Poor, then the rest in ordinal order.</summary>
    public static int CompareLabels(string a, string b)
    {
        var (ia, ib) = (HealthIndex(a), HealthIndex(b));
        return (ia, ib) switch
        {
            (>= 0, >= 0) => ia.CompareTo(ib),
            (>= 0, _) => -1,
            (_, >= 0) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }

    private static SummaryChart? Health(IReadOnlyList<AccountFacts> accounts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (string.IsNullOrEmpty(account.Health))
            {
                continue;
            }

            var label = HealthIndex(account.Health) is var h and >= 0 ? Healths[h] : account.Health;
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var labels = counts.Keys.Order(Comparer<string>.Create(CompareLabels)).ToList();
        return new SummaryChart("health", "Accounts by health", ChartType.Bar, labels, labels.Select(l => (double)counts[l]).ToList());
    }

    private static SummaryChart? Activity(IReadOnlyList<AccountFacts> accounts)
    {
        var windows = ActivitiesDefinition.KnownWindows;
        var sums = new double[windows.Count];
        var seen = new bool[windows.Count];
        foreach (var account in accounts)
        {
            for (var w = 0; w < windows.Count; w++)
            {
                if (account.ActivityTotals.TryGetValue(windows[w], out var count))
                {
                    sums[w] += count;
                    seen[w] = true;
                }
            }
        }

        var present = Enumerable.Range(0, windows.Count).Where(w => seen[w]).ToList();
        return present.Count == 0
            ? null
            : new SummaryChart("activity", "Activity by window", ChartType.Bar, present.Select(w => ActivitiesDefinition.WindowLabel(windows[w])).ToList(), present.Select(w => sums[w]).ToList());
    }

    private static SummaryChart? TopAccounts(IReadOnlyList<AccountFacts> accounts)
    {
        var top = accounts
            .Where(a => a.Score.HasValue)
            .OrderByDescending(a => a.Score!.Value)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(TopAccountCount)
            .ToList();
        return top.Count == 0
            ? null
            : new SummaryChart("top-accounts", $"Top {top.Count} accounts by engagement score", ChartType.HBar, top.Select(a => a.Name).ToList(), top.Select(a => a.Score!.Value).ToList());
    }
}
