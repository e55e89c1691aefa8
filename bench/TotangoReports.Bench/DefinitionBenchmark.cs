using System.Diagnostics;
using System.Globalization;
using System.Text;
using TotangoReports.Definition;

namespace TotangoReports.Bench;

/// <summary>How fast definitions parse and validate (run on every `validate` and `run`), and how fast a YAML bomb is refused.</summary>
internal sealed class DefinitionBenchmark : IBenchmark
{
    public string Name => "definition";

    public string Description => "parse + validate the sample definitions; refuse a billion-laughs document";

    public Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var iterations = smoke ? 3 : 500;
        var root = FindRoot();
        var inputs = Directory.GetFiles(Path.Combine(root, "sample-config"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileName(p), Text: File.ReadAllText(p), File: p))
            .ToList();
        inputs.Add(("billion-laughs.yaml", BillionLaughs(), "billion-laughs.yaml"));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### definition ({iterations} iterations each, after 20 warm-up parses; shared 2-core machine)"));
        output.WriteLine();
        output.WriteLine("| input | bytes | diagnostics | median µs / parse | mean µs | p95 µs | allocated KB / parse |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var rc = 0;
        foreach (var (name, text, file) in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = DefinitionLoader.Parse(text, file);
            var isBomb = name.StartsWith("billion", StringComparison.Ordinal);
            if (first.Success == isBomb)
            {
                rc = 1;
            }

            for (var i = 0; i < 20; i++)
            {
                DefinitionLoader.Parse(text, file);
            }

            var times = new double[iterations];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                DefinitionLoader.Parse(text, file);
                times[i] = clock.Elapsed.TotalMicroseconds;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / iterations;
            Array.Sort(times);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Encoding.UTF8.GetByteCount(text)} | {first.Diagnostics.Count} | {times[iterations / 2]:F0} | {times.Average():F0} | {times[(int)(iterations * 0.95)]:F0} | {allocated:F0} |"));
        }

        output.WriteLine();
        return Task.FromResult(rc);
    }

    // Ten levels of ten aliases: 10^10 nodes if expanded.
    private static string BillionLaughs()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            var previous = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{previous}]\n");
        }

        return text.ToString();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotangoReports.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
