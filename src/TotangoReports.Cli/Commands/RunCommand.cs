using Microsoft.Extensions.Logging;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Definition;
using TotangoReports.Runs;

namespace TotangoReports.Cli.Commands;

/// <summary><c>run DEF</c>: fetch, render, deliver.</summary>
public sealed class RunCommand(CliEnvironment environment) : CommandBase<RunSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration(settings);
        var logger = CreateLogger(settings);
        var request = new RunRequest
        {
            DefinitionPath = FullPath(settings.Definition),
            OutputDirectory = FullPath(settings.Out),
            Formats = ParseFormats(settings.Format),
            Parameters = ParseParameters(settings.Param),
            Source = settings.Sample ? DataSourceKind.Sample : settings.Snapshot is not null ? DataSourceKind.Snapshot : DataSourceKind.Live,
            SnapshotDirectory = settings.Snapshot is null ? null : FullPath(settings.Snapshot),
            Since = settings.Since,
            StatePath = settings.State is null ? null : FullPath(settings.State),
            NoEmail = settings.NoEmail,
            AllowPartial = settings.AllowPartial,
        };

        var result = await WithProgressAsync(settings, progress =>
            new ReportRunner(configuration, Environment.Time, logger, progress, Redactor).RunAsync(request, cancellationToken));
        foreach (var file in result.Files)
        {
            Result(DisplayPath(file));
        }

        foreach (var warning in result.Report.Warnings)
        {
            logger.LogWarning("{Warning}", warning);
        }

        return ExitCodes.Success;
    }

    /// <summary><c>--param NAME=VALUE</c>, repeatable; the last value of a name wins.</summary>
    private static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            parameters[parts[0]] = parts[1];
        }

        return parameters;
    }

    private static HashSet<OutputFormat>? ParseFormats(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var formats = new HashSet<OutputFormat>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<OutputFormat>(part, ignoreCase: true, out var format) || int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw new ReportRunException(ExitCodes.InvalidInput, $"--format '{part}': not a format; use xlsx, pdf, html or csv");
            }

            formats.Add(format);
        }

        return formats;
    }
}
