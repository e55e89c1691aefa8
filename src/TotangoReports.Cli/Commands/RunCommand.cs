using TotangoReports.Cli.Infrastructure;
using TotangoReports.Definition;

namespace TotangoReports.Cli.Commands;

/// <summary><c>run DEF</c>: fetch, render, deliver.</summary>
public sealed class RunCommand(CliEnvironment environment) : CommandBase<RunSettings>(environment)
{
    public override async Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var options = new RunOptions
        {
            Since = settings.Since,
            StatePath = settings.State is null ? null : FullPath(settings.State),
            AllowPartial = settings.AllowPartial,
            OutputDirectory = FullPath(settings.Out),
            Formats = ParseFormats(settings.Format),
            Parameters = ParseParameters(settings.Param),
            SendEmail = !settings.NoEmail,
            Strict = settings.Strict,
            Force = settings.Force,
            SendSampleMail = settings.SendSampleMail,
            AsOf = settings.AsOfInstant,
        };
        var source = settings.Sample ? ReportSource.Sample() : settings.Snapshot is not null ? ReportSource.Snapshot(FullPath(settings.Snapshot)) : ReportSource.Live;

        var result = await WithEngineAsync(
            settings,
            () => LoadDefinition(settings),
            (engine, definition) => engine.RunAsync(definition, source, options, cancellationToken),
            email: !settings.NoEmail);
        foreach (var file in result.Files)
        {
            Result(DisplayPath(file));
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
                throw new CliInputException($"--format '{part}': not a format; use xlsx, pdf, html or csv");
            }

            formats.Add(format);
        }

        return formats;
    }
}
