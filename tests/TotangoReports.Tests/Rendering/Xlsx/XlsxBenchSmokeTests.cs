using System.Diagnostics;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>
/// Runs the real benchmark harness (<c>TotangoReports.Bench xlsx --smoke</c>) as a process: proves the benchmark is
/// discovered, both writers run in their child processes and the Markdown table comes out. The tests don't reference
/// the bench project, so this builds it (incrementally) and runs its output.
/// </summary>
public sealed class XlsxBenchSmokeTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task XlsxBench_SmokeRun_PrintsATableForBothWriters()
    {
        var root = RepoRoot();
        var project = Path.Combine(root, "bench", "TotangoReports.Bench");
        var dll = Path.Combine(project, "bin", Configuration, "net10.0", "TotangoReports.Bench.dll");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        // Always (incrementally) build: a stale bench binary would test old code.
        var build = await RunAsync(["build", project, "-c", Configuration, "--nologo", "-v", "q", "--disable-build-servers"], root, timeout.Token);
        build.ExitCode.ShouldBe(0, build.Output);
        File.Exists(dll).ShouldBeTrue(dll);

        var (exitCode, output) = await RunAsync([dll, "xlsx", "--smoke"], root, timeout.Token);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("| Writer | Wall time (s) | CPU time (s) |");
        output.ShouldContain("| TotangoReports XlsxRenderer (SpreadCheetah) |");
        output.ShouldContain("| ClosedXML 0.95.4, plain |");
        output.ShouldContain("2,000 rows x 20 columns");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TotangoReports.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TotangoReports.sln not found above " + AppContext.BaseDirectory);
    }
}
