using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>The headline numbers of the first page, over every dataset's accounts, each account counted once.</summary>
internal sealed record KpiSummary(int Accounts, double? AverageScore, int Good, int Average, int Poor, double? Activity30d)
{
    public static KpiSummary For(Report report)
    {
        var accounts = report.Datasets
            .SelectMany(d => d.Accounts)
            .DistinctBy(a => a.AccountId, StringComparer.Ordinal)
            .ToList();
        var scores = accounts.Where(a => a.Score.HasValue).Select(a => a.Score!.Value).ToList();
        var withActivity = accounts.Where(a => a.ActivityTotals.ContainsKey("past_30d")).ToList();
        return new KpiSummary(
            accounts.Count,
            scores.Count == 0 ? null : scores.Average(),
            accounts.Count(a => a.Health == "Good"),
            accounts.Count(a => a.Health == "Average"),
            accounts.Count(a => a.Health == "Poor"),
            withActivity.Count == 0 ? null : withActivity.Sum(a => a.ActivityTotals["past_30d"]));
    }
}
