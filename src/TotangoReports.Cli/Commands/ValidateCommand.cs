using TotangoReports.Cli.Infrastructure;
using TotangoReports.Definition;

namespace TotangoReports.Cli.Commands;

/// <summary><c>validate DEF</c>: every problem as <c>file:line:col: message</c> on stdout; exit 2 if any is an error.</summary>
public sealed class ValidateCommand(CliEnvironment environment) : CommandBase<DefinitionSettings>(environment)
{
    public override Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, DefinitionSettings settings, CancellationToken cancellationToken)
    {
        var path = FullPath(settings.Definition);
        var result = ReportEngine.Validate(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            Result(Relative(diagnostic.ToString(), path, settings.Definition));
        }

        if (!result.Success)
        {
            var errors = result.Diagnostics.Count(d => d.IsError);
            Environment.Error.WriteLine($"{settings.Definition}: {errors} error{(errors == 1 ? string.Empty : "s")}");
            return Task.FromResult(ExitCodes.InvalidInput);
        }

        if (!settings.Quiet)
        {
            var definition = result.Definition!;
            Environment.Error.WriteLine($"{settings.Definition}: valid ({definition.Datasets.Count} dataset(s), {definition.Outputs.Count} output(s))");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>Diagnostics name the file as the user typed it, not the absolute path.</summary>
    private static string Relative(string line, string fullPath, string typed) =>
        line.StartsWith(fullPath, StringComparison.Ordinal) ? typed + line[fullPath.Length..] : line;
}
