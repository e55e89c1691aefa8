using TotangoReports.Bench;

namespace TotangoReports.Tests.Bench;

/// <summary>
/// Every benchmark of the harness runs at its smoke size and prints its table: the numbers in bench/README.md come
/// from code that still works. (Timing is never asserted here; the harness is for that.)
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly IReadOnlyList<IBenchmark> All = typeof(IBenchmark).Assembly.GetTypes()
        .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .ToList();

    public static TheoryData<string> Names() => new(All.Select(b => b.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void Harness_HasABenchmarkPerArea()
    {
        All.Select(b => b.Name).ShouldBeSubsetOf(["burst", "data", "definition", "fetch", "history", "html", "pdf", "search", "store", "summary", "xlsx"]);
        All.Select(b => b.Name).ShouldContain("fetch");
        All.Select(b => b.Name).ShouldContain("xlsx");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Benchmark_RunsAtSmokeSize_AndPrintsAMarkdownTable(string name)
    {
        var benchmark = All.Single(b => b.Name == name);
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        var exitCode = await benchmark.RunAsync(smoke: true, output, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("| ");
        output.ToString().ShouldContain("---");
    }
}
