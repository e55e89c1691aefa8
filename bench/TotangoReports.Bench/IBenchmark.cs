namespace TotangoReports.Bench;

/// <summary>A timed console benchmark; prints a Markdown table to stdout.</summary>
internal interface IBenchmark
{
    /// <summary>The name given on the command line: <c>dotnet run -c Release --project bench/TotangoReports.Bench -- NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the benchmark. <paramref name="smoke"/> = tiny sizes, used by the test suite to prove the harness runs.</summary>
    Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken);
}
