using System.Diagnostics;
using TotangoReports.Emulator;

namespace TotangoReports.Tests.Cli;

/// <summary>The emulator as a real process: how `kill`, systemd and `docker stop` stop it, and a port already taken.</summary>
public sealed class EmulatorLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Emulator_StopsWithinTwoSeconds_OnSignal(string signal)
    {
        // Through `env --default-signal`: a test run started in the background (`cmd &`, as CI scripts may) has SIGINT
        // ignored, children inherit that, and .NET then leaves it ignored; systemd and docker start processes with it
        // at its default, which is what this test is about.
        var start = new ProcessStartInfo("env", ["--default-signal=INT,TERM", Path.Combine(AppContext.BaseDirectory, "totango-reports"), "emulator", "--port", "0", "--accounts", "20", "--quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            // The first stdout line is the base URL: printed once the server listens.
            var url = await process.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), Ct);
            url.ShouldNotBeNull().ShouldStartWith("http://127.0.0.1:");
            using (var http = new HttpClient())
            {
                (await http.GetAsync(new Uri(new Uri(url), "api/v1/accounts/active_list/1/current.json"), Ct)).IsSuccessStatusCode.ShouldBeTrue();
            }

            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(Ct);
            }

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(patience.Token);
            clock.Stop();

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), $"SIG{signal} took {clock.Elapsed.TotalMilliseconds:F0} ms");
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(Ct));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Emulator_OnATakenPort_SaysThePortIsInUse_AndExitsTwo()
    {
        await using var holder = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 1 }, Ct);
        var port = holder.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var cli = new CliHarness();

        var result = await cli.RunAsync("emulator", "--port", port, "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain($"port {port} on 127.0.0.1 is in use");
        result.Error.ShouldNotContain("could not write the report");
        result.Out.ShouldBeEmpty();
    }
}
