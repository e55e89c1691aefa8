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
    /// configuration error; a sample or snapshot run (a demo) skips the mail with a warning instead.
    /// </summary>
    public static EmailDeliveryDefinition? EmailToSend(ReportDefinition definition, RunRequest request, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger log, out Configuration.SmtpOptions? smtp)
    {
        smtp = null;
        if (request.NoEmail || definition.Delivery?.Email is not { } email)
        {
            return null;
        }

        smtp = Configuration.SmtpOptions.FromConfiguration(configuration);
        var problems = smtp.Validate();
        if (problems.Count == 0)
        {
            return email;
        }

        if (request.Source == DataSourceKind.Live)
        {
            throw new ReportRunException(ExitCodes.InvalidInput, $"{definition.SourcePath} sends email, but {string.Join("; ", problems)}; configure SMTP or pass --no-email");
        }

        log.LogWarning("not sending the report mail: {Problems}. A sample or snapshot run mails only when SMTP is configured", string.Join("; ", problems));
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

    public static (IActiveListSource Source, string Name) CreateSource(RunRequest request, TotangoOptions options, TimeProvider time, ILogger log)
    {
        switch (request.Source)
        {
            case DataSourceKind.Sample:
                return (new SampleActiveListSource(new SampleSourceOptions { Accounts = SampleData.DefaultAccounts, Seed = SampleData.DefaultSeed }), "sample");
            case DataSourceKind.Snapshot:
                var folder = request.SnapshotDirectory ?? throw new ReportRunException(ExitCodes.InvalidInput, "--snapshot needs a folder written by 'fetch --save'");
                return (new SnapshotSource(folder), "snapshot:" + folder);
            default:
                // Without a token the HTTP source refuses to start (exit 3, naming TOTANGO_API_TOKEN and --sample).
                return (new TotangoHttpSource(options, time, log), Api.Internal.UrlText.Display(options.BaseUrl));
        }
    }

    public static RunManifest Manifest(Report report, IReadOnlyDictionary<string, long?> sinces, string source, StagedOutputs staged)
    {
        var manifest = new RunManifest
        {
            Definition = report.Definition.SourcePath,
            Title = report.Title,
            Source = source,
            Status = report.Datasets.All(d => d.Fetch.Complete) ? RunManifest.StatusComplete : RunManifest.StatusPartial,
            Parameters = report.Parameters,
            StartedAt = report.GeneratedAt,
            Datasets = report.Datasets.ToDictionary(
                d => d.Name,
                d => ManifestDataset.From(d.Rows.Count, d.Fetch, sinces.GetValueOrDefault(d.Name)),
                StringComparer.Ordinal),
            Warnings = report.Warnings,
        };
        manifest.Outputs.AddRange(staged.Files.Select(f => new ManifestOutput(f.Format, f.RelativePath, f.Bytes, f.Sha256)));
        return manifest;
    }
}
