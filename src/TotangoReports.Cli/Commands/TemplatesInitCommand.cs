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
            throw new Runs.ReportRunException(ExitCodes.InvalidInput, ex.Message.Split("; ")[0] + "; pass --force to overwrite them with the built-in templates", ex);
        }

        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Result(DisplayPath(file));
        }

        if (!settings.Quiet)
        {
            // Template paths resolve from the definition's folder, and a template must lie inside it: suggest the
            // path as a definition in DIR's parent folder writes it, not as the working folder would.
            var parent = Path.GetDirectoryName(directory) ?? directory;
            var relative = Path.GetRelativePath(parent, Path.Combine(directory, "exec-summary.sbn")).Replace(Path.DirectorySeparatorChar, '/');
            Environment.Error.WriteLine($"Edit a copy and point an html output at it. Template paths are relative to the definition's folder, and a template must lie inside it; a definition in {(DisplayPath(parent) is "." ? "this folder" : DisplayPath(parent))} writes: {{ format: html, file: report.html, template: {relative} }}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
