using System.Text.RegularExpressions;
using TotangoReports.Tests.Definition;

namespace TotangoReports.Tests.Architecture;

/// <summary>
/// The summary is computed once, in the Data stage: renderers and delivery read <c>Report.Summary</c> and never
/// reach for the per-account facts to compute figures of their own (which is how the copies came to disagree).
/// </summary>
public sealed partial class SummaryArchitectureTests
{
    public static TheoryData<string> Stages => new() { "Rendering", "Delivery" };

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_ComputesNoSummaryOfItsOwn(string stage)
    {
        var sources = Directory.GetFiles(RepoFiles.PathOf("src", "TotangoReports", stage), "*.cs", SearchOption.AllDirectories);
        sources.ShouldNotBeEmpty();

        var offenders = sources
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => FactAccess().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(RepoFiles.PathOf(), l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("draw Report.Summary (computed in the Data stage) instead");
    }

    [Fact]
    public void Check_CatchesAFactReadThatWouldComputeAFigure()
    {
        FactAccess().IsMatch("var scores = table.Accounts.Where(a => a.Score.HasValue);").ShouldBeTrue();
        FactAccess().IsMatch("x.ActivityTotals[\"past_30d\"]").ShouldBeTrue();
        FactAccess().IsMatch("[\"account_count\"] = table.Accounts.Count,").ShouldBeFalse();
        FactAccess().IsMatch("foreach (var kpi in report.Summary.Kpis)").ShouldBeFalse();
    }

    // The per-account facts (AccountFacts, their activity totals, DatasetTable.Accounts beyond its count) are the
    // raw material of the summary; the count of fetched accounts is a fetch fact templates may show.
    [GeneratedRegex(@"\bAccountFacts\b|\bActivityTotals\b|\.Accounts\b(?!\.Count\b)")]
    private static partial Regex FactAccess();
}
