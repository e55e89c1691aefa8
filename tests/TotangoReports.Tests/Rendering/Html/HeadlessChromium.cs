using System.Diagnostics;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// Loads a file in headless Chromium and returns the DOM after scripts ran. Without Chromium the test is
/// skipped locally but fails in CI (env CI set), where .ci/run installs it.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string RequireExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Candidates)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("chromium is not installed, and CI is set: the browser tests must run in CI (apt-get install -y chromium)");
        }

        Assert.Skip("chromium is not installed (apt-get install -y chromium); skipped locally only, CI fails instead");
        return string.Empty;
    }

    public static async Task<string> DumpDomAsync(string htmlFile, CancellationToken cancellationToken)
    {
        var executable = RequireExecutable();
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.Path,
            // Lets timers and load/error events (an injected onerror) run before the DOM is dumped.
            "--virtual-time-budget=3000",
            "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var dom = await stdout;
        if (process.ExitCode != 0 || dom.Length == 0)
        {
            Assert.Fail($"chromium exited with {process.ExitCode}: {await stderr}");
        }

        return dom;
    }
}
