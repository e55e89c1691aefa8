using TotangoReports.Cli.Infrastructure;
using TotangoReports.Configuration;

namespace TotangoReports.Cli.Commands;

/// <summary><c>resend OUT</c>: a run's kept mail to the recipients that have not accepted it yet, never to one that has.</summary>
public sealed class ResendCommand(CliEnvironment environment) : CommandBase<ResendSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, ResendSettings settings, CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration(settings);
        var engine = new ReportEngine(new ReportEngineOptions
        {
            Smtp = SmtpOptions.FromConfiguration(configuration),
            Time = Environment.Time,
            Logger = CreateLogger(settings),
            Redactor = Redactor,
        });
        var sent = await engine.ResendAsync(FullPath(settings.Out), cancellationToken);
        Result(sent == 0 ? "nothing to resend: every recipient has the mail" : $"resent to {sent} recipient(s); every recipient has the mail");
        return ExitCodes.Success;
    }
}
