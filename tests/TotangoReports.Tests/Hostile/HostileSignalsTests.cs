using System.Diagnostics;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// The real CLI process stopped from outside: SIGTERM (systemd, Kubernetes, <c>timeout</c>) ends a run as Ctrl+C
/// does — exit 130, nothing written, nothing left behind.
/// </summary>
public sealed class HostileSignalsTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task SigtermDuringARun_ExitsLikeCtrlC_AndLeavesNothingBehind()
    {
        // Arrange: page 2 never answers (the server gives up by itself after 60 s), so the run is caught mid-fetch.
        var stalled = new TaskCompletionSource();
        await using var server = HostileHttpServer.Start(async (request, stream, _, ct) =>
        {
            if (request.Offset == 0)
            {
                await HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(HostileApiTests.Slice(request, item: false), "250"), cancellationToken: ct);
                return;
            }

            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = await HostileApiTests.DefinitionAsync(cli);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = cli.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "totango-reports.dll"), "run", definition, "--out", "out", "--no-email" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in cli.Variables)
        {
            start.Environment[name] = value;
        }

        start.Environment["Totango__TimeoutSeconds"] = "60";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Act
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the CLI did not stop within 15 s of SIGTERM");
        }

        // Assert
        var error = await stderr;
        process.ExitCode.ShouldBe(130, error);
        error.ShouldContain("cancelled; no output was changed");
        var left = Directory.Exists(cli.PathOf("out")) ? Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories) : [];
        left.ShouldBeEmpty();
    }
}
