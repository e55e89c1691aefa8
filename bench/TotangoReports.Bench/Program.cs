using System.Diagnostics;
using TotangoReports.Bench;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var smoke = args.Contains("--smoke");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (names.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/TotangoReports.Bench -- NAME... [--smoke] | all");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-10} {b.Description}");
    }

    return 2;
}

var selected = names.Contains("all") ? benchmarks : benchmarks.Where(b => names.Contains(b.Name)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"no benchmark named {string.Join(", ", names)}");
    return 2;
}

if (Debugger.IsAttached || !IsRelease())
{
    Console.Error.WriteLine("warning: not a Release build; numbers are not representative.");
}

var rc = 0;
foreach (var benchmark in selected)
{
    rc |= await benchmark.RunAsync(smoke, Console.Out, CancellationToken.None);
}

return rc;

static bool IsRelease()
{
#if DEBUG
    return false;
#else
    return true;
#endif
}
