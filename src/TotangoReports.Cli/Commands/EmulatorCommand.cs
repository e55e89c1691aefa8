using TotangoReports.Cli.Infrastructure;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

/// <summary><c>emulator</c>: a local Totango Data API on 127.0.0.1 until Ctrl+C. Prints its base URL on stdout.</summary>
public sealed class EmulatorCommand(CliEnvironment environment) : CommandBase<EmulatorSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, EmulatorSettings settings, CancellationToken cancellationToken)
    {
        Redactor.Add(settings.Token);
        var options = new EmulatorOptions
        {
            Port = settings.Port,
            Accounts = settings.Accounts,
            Seed = settings.Seed,
            AsOf = settings.AsOfInstant,
            Token = settings.Token,
            SnapshotDirectory = settings.Snapshot is null ? null : FullPath(settings.Snapshot),
            Shape = new SampleShape
            {
                Activities = settings.ActivitiesShape switch
                {
                    "scripts" => ActivityShape.Scripts,
                    "legacy" => ActivityShape.Legacy,
                    _ => ActivityShape.Actions,
                },
                ExtraWindows = settings.ExtraWindows,
                Frequency = settings.Frequency,
            },
            AcceptScriptReturns = settings.ScriptReturns,
            Latency = TimeSpan.FromMilliseconds(settings.LatencyMilliseconds),
            OffsetMode = settings.OffsetMode == "item" ? Api.OffsetMode.Item : Api.OffsetMode.Page,
            PageSizeCap = settings.PageCap,
            RandomServerErrorRate = settings.ErrorRate,
            RandomThrottleRate = settings.ThrottleRate,
            RateLimitRequests = settings.RateLimit,
            UnauthorizedStatusCode = settings.UnauthorizedStatus,
        };
        await using var host = await EmulatorHost.StartAsync(options, cancellationToken);
        Result(host.BaseUrl.ToString());
        Environment.Out.Flush();
        if (!settings.Quiet)
        {
            Environment.Error.WriteLine($"Totango Data API emulator on {host.BaseUrl} — try: TOTANGO_BASE_URL={host.BaseUrl} TOTANGO_API_TOKEN={(settings.Token is null ? "any" : "<your --token>")} totango-reports run DEF");
            Environment.Error.WriteLine("Ctrl+C stops it.");
        }

        // host.Stopping: SIGTERM reaches the host's console lifetime, which stops the server but not this wait.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Environment.Lifetime, host.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Success;
    }
}
