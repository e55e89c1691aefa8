using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Charts;

/// <summary>The standard charts of a report, computed from every dataset's accounts (each account counted once).</summary>
internal static class ReportCharts
{
    public const int TopAccountCount = 10;

    public static IReadOnlyList<ReportChart> For(Report report)
    {
        var accounts = report.Datasets
            .SelectMany(d => d.Accounts)
            .DistinctBy(a => a.AccountId, StringComparer.Ordinal)
            .ToList();
        var charts = new List<ReportChart>(3);
        AddHealth(accounts, charts);
        AddActivity(accounts, charts);
        AddTopAccounts(accounts, charts);
        return charts;
    }

    private static void AddHealth(List<AccountFacts> accounts, List<ReportChart> charts)
    {
        var withHealth = accounts.Where(a => !string.IsNullOrEmpty(a.Health)).ToList();
        if (withHealth.Count == 0)
        {
            return;
        }

        string[] known = ["Good", "Average", "Poor"];
        var labels = known.Where(h => withHealth.Any(a => a.Health == h)).ToList();
        labels.AddRange(withHealth.Select(a => a.Health!).Where(h => !known.Contains(h)).Distinct().Order(StringComparer.Ordinal));
        var values = labels.Select(h => (double)withHealth.Count(a => a.Health == h)).ToList();
        charts.Add(new ReportChart("health", "Accounts by health", ReportChartKind.HealthDistribution, labels, values));
    }

    private static void AddActivity(List<AccountFacts> accounts, List<ReportChart> charts)
    {
        var windows = ActivitiesDefinition.KnownWindows
            .Where(w => accounts.Any(a => a.ActivityTotals.ContainsKey(w)))
            .ToList();
        if (windows.Count == 0)
        {
            return;
        }

        var values = windows.Select(w => accounts.Sum(a => a.ActivityTotals.GetValueOrDefault(w))).ToList();
        var labels = windows.Select(ActivitiesDefinition.WindowLabel).ToList();
        charts.Add(new ReportChart("activity", "Activity by window", ReportChartKind.ActivityByWindow, labels, values));
    }

    private static void AddTopAccounts(List<AccountFacts> accounts, List<ReportChart> charts)
    {
        var top = accounts
            .Where(a => a.Score.HasValue)
            .OrderByDescending(a => a.Score!.Value)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(TopAccountCount)
            .ToList();
        if (top.Count == 0)
        {
            return;
        }

        charts.Add(new ReportChart(
            "top-accounts",
            $"Top {top.Count} accounts by engagement score",
            ReportChartKind.TopAccounts,
            top.Select(a => a.Name).ToList(),
            top.Select(a => a.Score!.Value).ToList()));
    }
}
