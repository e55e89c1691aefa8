using TotangoReports.Cli.Infrastructure;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Cli.Commands;

/// <summary><c>templates init DIR</c>: copies the built-in templates out for an analyst to customise.</summary>
public sealed class TemplatesInitCommand(CliEnvironment environment) : CommandBase<TemplatesInitSettings>(environment)
{
    public override Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, TemplatesInitSettings settings, CancellationToken cancellationToken)
    {
        var directory = FullPath(settings.Directory);
        try
        {
            BuiltInTemplates.CopyTo(directory, settings.Force);
        }
        catch (IOException ex)
        {
            throw new CliInputException(ex.Message + " (pass --force to overwrite them)", ex);
        }

        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Result(DisplayPath(file));
        }

        if (!settings.Quiet)
        {
            Environment.Error.WriteLine("Edit a copy and point an html output at it: { format: html, file: report.html, template: " + Path.Combine(settings.Directory, "exec-summary.sbn") + " }");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
