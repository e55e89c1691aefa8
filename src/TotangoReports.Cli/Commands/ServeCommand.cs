using TotangoReports.Api;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Preview;

namespace TotangoReports.Cli.Commands;

/// <summary>
/// <c>serve DEF</c>: the live preview on loopback until Ctrl+C; prints its URL on stdout. Never mails, never writes
/// outputs, state or history, and fetches nothing unless <c>--live</c>.
/// </summary>
public sealed class ServeCommand(CliEnvironment environment) : CommandBase<ServeSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = new PreviewOptions { DefinitionPath = FullPath(settings.Definition), Host = settings.Host, Port = settings.Port };
        try
        {
            options.ResolveLoopback();
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException("--host: " + ex.Message.Split(" (Parameter", 2)[0]);
        }

        if (!File.Exists(options.DefinitionPath))
        {
            throw new CliInputException($"{settings.Definition}: no such file; give the path of a report definition (YAML or JSON)");
        }

        var configuration = LoadConfiguration(settings);
        var source = settings.Live ? ReportSource.Live : settings.Snapshot is not null ? ReportSource.Snapshot(FullPath(settings.Snapshot)) : ReportSource.Sample();
        var engine = new ReportEngineOptions
        {
            // Only --live needs the token; no SMTP settings at all: the preview never mails.
            Totango = settings.Live ? TotangoOptions.FromConfiguration(configuration) : new TotangoOptions(),
            Time = Environment.Time,
            Logger = CreateLogger(settings),
            Redactor = Redactor,
            Store = TotangoReports.Configuration.StoreOptions.FromConfiguration(configuration),
        };
        PreviewHost host;
        try
        {
            host = await PreviewHost.StartAsync(
                new PreviewOptions { DefinitionPath = options.DefinitionPath, Host = options.Host, Port = options.Port, Source = source, Engine = engine },
                cancellationToken);
        }
        catch (IOException ex) when (ex.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliInputException($"--port {settings.Port}: cannot listen there ({ex.Message}); pick another port or 0 for any free one");
        }

        await using var hostDisposal = host;
        Result(host.Url.ToString());
        Environment.Out.Flush();
        if (!settings.Quiet)
        {
            Environment.Error.WriteLine($"Preview of {settings.Definition} on {host.Url} — save the definition or a template and the page updates. Ctrl+C stops it.");
        }

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
