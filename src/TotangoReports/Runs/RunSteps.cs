using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Sample;

namespace TotangoReports.Runs;

/// <summary>The small decisions of a run, each turned into a user-facing error when it fails.</summary>
internal static class RunSteps
{
    /// <summary>Definitions are checked against what this build can render and the templates it ships.</summary>
    public static DefinitionLoadOptions LoadOptions { get; } = new()
    {
        AvailableFormats = Rendering.ReportRenderers.Default().Formats,
        BuiltInTemplateExists = name => Rendering.Html.BuiltInTemplates.Names.Contains(name, StringComparer.Ordinal),
    };

    public static DefinitionParseResult Validate(string path)
    {
        var result = DefinitionLoader.Load(path, LoadOptions);
        if (result.Definition is not { } definition)
        {
            return result;
        }

        var templates = definition.Outputs
            .Where(o => o.Format == OutputFormat.Html)
            .SelectMany(o => Rendering.Html.HtmlRenderer.CheckTemplate(definition, o))
            .ToList();
        return templates.Count == 0 ? result : new DefinitionParseResult(definition, [.. result.Diagnostics, .. templates]);
    }

    public static ReportDefinition LoadDefinition(string path)
    {
        var result = Validate(path);
        if (!result.Success)
        {
            throw new ReportRunException(ExitCodes.InvalidInput, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)));
        }

        return result.Definition!;
    }

    public static ReportContext CreateContext(ReportDefinition definition, IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        try
        {
            return ReportContext.Create(definition, parameters, now);
        }
        catch (ArgumentException ex)
        {
            throw new ReportRunException(ExitCodes.InvalidInput, ex.Message, ex);
        }
    }

    public static void CheckParameters(ReportDefinition definition, IReadOnlyDictionary<string, string> overrides)
    {
        var unknown = overrides.Keys.Where(k => !definition.Parameters.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            var known = definition.Parameters.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", definition.Parameters.Keys);
            throw new ReportRunException(ExitCodes.InvalidInput, $"--param {string.Join(", ", unknown)}: not a parameter of {definition.SourcePath} ({known})");
        }
    }

    public static IReadOnlyList<OutputDefinition> SelectOutputs(ReportDefinition definition, IReadOnlySet<OutputFormat>? formats)
    {
        var outputs = definition.Outputs.Where(o => formats is null || formats.Contains(o.Format)).ToList();
        if (outputs.Count == 0)
        {
            var asked = formats is null ? "any format" : string.Join(",", formats).ToLowerInvariant();
            // Point at the outputs the user would edit, so the message carries file:line:col like every definition error.
            var where = definition.Outputs.Count > 0 ? definition.Outputs[0].Location.ToString() : definition.SourcePath;
            throw new ReportRunException(ExitCodes.InvalidInput, $"{where}: the definition has no output of {asked}; add one under 'outputs' or change --format");
        }

        return outputs;
    }

    /// <summary>
    /// The mail to send, checked before anything is fetched. A live run with a mail but no SMTP settings is a
    /// configuration error. A sample run mails only with <c>--send-sample-mail</c> (made-up accounts must not reach
    /// real recipients by accident); a sample or snapshot run without SMTP skips the mail with a warning.
    /// Every skipped mail is noted in <paramref name="notes"/> for <c>run.json</c>.
    /// </summary>
    public static EmailDeliveryDefinition? EmailToSend(ReportDefinition definition, RunRequest request, Microsoft.Extensions.Configuration.IConfiguration configuration, RunNotes notes, out Configuration.SmtpOptions? smtp)
    {
        smtp = null;
        if (definition.Delivery?.Email is not { } email)
        {
            return null;
        }

        if (request.NoEmail)
        {
            notes.SkipMail("--no-email");
            return null;
        }

        if (request.Source == DataSourceKind.Sample && !request.SendSampleMail)
        {
            notes.SkipMail("a --sample run sends no mail unless --send-sample-mail is given", inform: true);
            return null;
        }

        smtp = Configuration.SmtpOptions.FromConfiguration(configuration);
        var problems = smtp.Validate();
        if (problems.Count == 0)
        {
            return email;
        }

        // Set but wrong (an empty port, a From that is no address) is a mistake to fix before anything is fetched.
        if (request.Source == DataSourceKind.Live || smtp.IsConfigured)
        {
            throw new ReportRunException(ExitCodes.InvalidInput, $"{definition.SourcePath} sends email, but {string.Join("; ", problems)}; fix the SMTP configuration or pass --no-email");
        }

        notes.SkipMail($"not sending the report mail: {string.Join("; ", problems)}. A sample or snapshot run mails only when SMTP is configured", warn: true);
        smtp = null;
        return null;
    }

    public static string? EffectiveSince(DatasetDefinition dataset, RunRequest request) =>
        dataset.Endpoint == ListEndpoint.Current ? null : request.Since ?? dataset.Since;

    public static bool UsesLastRun(DatasetDefinition dataset, RunRequest request) =>
        EffectiveSince(dataset, request) is { } since && string.Equals(since.Trim(), SinceResolver.LastRun, StringComparison.OrdinalIgnoreCase);

    public static long? ResolveSince(DatasetDefinition dataset, RunRequest request, DateTimeOffset now, TimeZoneInfo zone, RunState state)
    {
        var since = EffectiveSince(dataset, request);
        if (since is null)
        {
            return null;
        }

        try
        {
            var lastRun = state.Datasets.TryGetValue(dataset.Name, out var s) ? s.LastRun : (long?)null;
            return SinceResolver.Resolve(since, now, zone, lastRun, RunState.FirstRunWindow);
        }
        catch (FormatException ex)
        {
            var where = request.Since is not null ? "--since" : dataset.KeyLocations.TryGetValue("since", out var at) ? at.ToString() : dataset.Location.ToString();
            throw new ReportRunException(ExitCodes.InvalidInput, $"{where}: {ex.Message}", ex);
        }
    }

    public static RunState LoadState(string path)
    {
        try
        {
            return RunState.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ReportRunException(ExitCodes.InvalidInput, ex.Message, ex);
        }
    }

    /// <param name="now">The run's now: the sample data is dated relative to it.</param>
    public static (IActiveListSource Source, string Name) CreateSource(RunRequest request, TotangoOptions options, TimeProvider time, ILogger log, DateTimeOffset now)
    {
        switch (request.Source)
        {
            case DataSourceKind.Sample:
                return (new SampleActiveListSource(new SampleSourceOptions { Accounts = SampleData.DefaultAccounts, Seed = SampleData.DefaultSeed, Epoch = now }), "sample");
            case DataSourceKind.Snapshot:
                var folder = request.SnapshotDirectory ?? throw new ReportRunException(ExitCodes.InvalidInput, "--snapshot needs a folder written by 'fetch --save'");
                return (new SnapshotSource(folder), "snapshot:" + folder);
            default:
                // Without a token the HTTP source refuses to start (exit 3, naming TOTANGO_API_TOKEN and --sample).
                return (new TotangoHttpSource(options, time, log), Api.Internal.UrlText.Display(options.BaseUrl));
        }
    }

    /// <param name="runWarnings">What the run itself warned about (mail, watermark), after the data's warnings.</param>
    public static RunManifest Manifest(Report report, IReadOnlyDictionary<string, long?> sinces, string source, StagedOutputs staged, IReadOnlyList<string> runWarnings)
    {
        var manifest = new RunManifest
        {
            Definition = RunManifest.RelativeDefinitionPath(report.Definition.SourcePath, staged.OutputDirectory),
            Title = report.Title,
            Source = source,
            Status = report.Datasets.All(d => d.Fetch.Complete) ? RunManifest.StatusComplete : RunManifest.StatusPartial,
            Parameters = report.Parameters,
            StartedAt = report.GeneratedAt,
            Datasets = report.Datasets.ToDictionary(
                d => d.Name,
                d => ManifestDataset.From(d.Rows.Count, d.Fetch, sinces.GetValueOrDefault(d.Name)),
                StringComparer.Ordinal),
            Warnings = [.. report.Warnings, .. runWarnings],
        };
        manifest.Outputs.AddRange(staged.Files.Select(f => new ManifestOutput(f.Format, f.RelativePath, f.Bytes, f.Sha256)));
        return manifest;
    }
}
