using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Logging;
using TotangoReports.Rendering;

namespace TotangoReports.Runs;

/// <summary>
/// One report run, stage after stage: definition → fetch → rows → render (staged) → email → commit → state.
/// Nothing reaches the output folder unless every stage succeeded, and the state file moves only after that.
/// </summary>
public sealed class ReportRunner
{
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly IProgress<FetchProgress>? _progress;
    private readonly SecretRedactor _redactor;

    /// <summary>How definitions are loaded for a run: checked against the formats and templates this build has.</summary>
    public static DefinitionLoadOptions DefinitionOptions => RunSteps.LoadOptions;

    /// <summary>
    /// <c>validate</c>: the definition's diagnostics plus those of its html templates (missing file, syntax),
    /// without fetching anything.
    /// </summary>
    public static DefinitionParseResult Validate(string definitionPath) => RunSteps.Validate(definitionPath);

    public ReportRunner(IConfiguration configuration, TimeProvider? timeProvider = null, ILogger? logger = null, IProgress<FetchProgress>? progress = null, SecretRedactor? redactor = null)
    {
        _configuration = configuration;
        _time = timeProvider ?? TimeProvider.System;
        _log = logger ?? NullLogger.Instance;
        _progress = progress;
        _redactor = redactor ?? new SecretRedactor();
    }

    /// <summary>
    /// <c>fetch DEF --save DIR</c>: reads every dataset's pages (as <c>run</c> would) and writes them as a snapshot
    /// that <c>run --snapshot DIR</c> renders offline. Returns the number of pages saved.
    /// </summary>
    public async Task<int> SaveSnapshotAsync(RunRequest request, string directory, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var definition = RunSteps.LoadDefinition(request.DefinitionPath);
        var target = SnapshotFolder.CheckReplaceable(directory, definition.SourcePath);
        var context = RunSteps.CreateContext(definition, request.Parameters, started);
        var statePath = request.StatePath ?? RunState.DefaultPath(definition.SourcePath);
        var state = RunSteps.LoadState(statePath);
        var options = TotangoOptions.FromConfiguration(_configuration);
        _redactor.Add(options.ApiToken);
        var (inner, _) = RunSteps.CreateSource(request, options, _time, _log);
        try
        {
            var staging = SnapshotFolder.StagingPath(target);
            int pages;
            try
            {
                await using var writer = new SnapshotWriter(staging, inner, _time);
                var fetched = await FetchDatasetsAsync(definition, request, context, state, writer, options, cancellationToken);
                pages = fetched.Sum(f => f.Summary.Pages);
                await writer.CompleteAsync(cancellationToken);
            }
            catch
            {
                SnapshotFolder.DeleteQuietly(staging);
                throw;
            }

            // Like report files, a snapshot appears whole or not at all.
            SnapshotFolder.Replace(target, staging);
            return pages;
        }
        finally
        {
            (inner as IDisposable)?.Dispose();
        }
    }

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var definition = RunSteps.LoadDefinition(request.DefinitionPath);
        RunSteps.CheckParameters(definition, request.Parameters);
        var context = RunSteps.CreateContext(definition, request.Parameters, started);
        var outputs = RunSteps.SelectOutputs(definition, request.Formats);

        var statePath = request.StatePath ?? RunState.DefaultPath(definition.SourcePath);
        var usesLastRun = definition.Datasets.Any(d => RunSteps.EffectiveSince(d, request) is { } s && string.Equals(s, SinceResolver.LastRun, StringComparison.OrdinalIgnoreCase));
        var state = usesLastRun ? RunSteps.LoadState(statePath) : new RunState();

        var email = RunSteps.EmailToSend(definition, request, _configuration, _log, out var smtp);
        var options = TotangoOptions.FromConfiguration(_configuration);
        _redactor.Add(options.ApiToken);
        _redactor.Add(smtp?.Password);
        var (source, sourceName) = RunSteps.CreateSource(request, options, _time, _log);
        IReadOnlyList<FetchedDataset> fetched;
        try
        {
            fetched = await FetchDatasetsAsync(definition, request, context, state, source, options, cancellationToken);
        }
        catch (IncompleteFetchException incomplete)
        {
            // Exit 5: the report and its run.json stay as they were; run.incomplete.json says what could not be read.
            try
            {
                await WriteIncompleteManifestAsync(definition, context, sourceName, request.OutputDirectory, incomplete, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.LogWarning("could not write {File}: {Reason}", RunManifest.IncompleteFileName, ex.Message);
            }

            throw incomplete.Cause;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }

        var tables = fetched.Select(f => f.Builder.Build(f.Summary)).ToList();
        var warnings = fetched.SelectMany(f => f.Builder.Warnings).ToList();
        warnings.AddRange(fetched.Where(f => !f.Summary.Complete).Select(f => $"dataset {f.Dataset.Name} is incomplete: {string.Join("; ", f.Summary.Gaps)}"));
        var sinces = fetched.ToDictionary(f => f.Dataset.Name, f => f.Since, StringComparer.Ordinal);
        var report = ReportAssembler.Create(definition, context, tables, warnings);

        using var staged = new StagedOutputs(request.OutputDirectory);
        var renderers = ReportRenderers.Default();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RunManifest.FileName, RunManifest.IncompleteFileName };
        foreach (var output in outputs)
        {
            var name = OutputNames.Expand(output, report);
            if (!names.Add(name))
            {
                throw new RenderException(output.Location, $"file '{name}' is written by another output or is the run's manifest; give each output its own file");
            }

            _log.LogInformation("rendering {Format} → {File}", output.Format.ToString().ToLowerInvariant(), name);
            await using var stream = staged.Create(name, output.Format.ToString().ToLowerInvariant());
            await renderers[output.Format].RenderAsync(report, output, stream, cancellationToken);
        }

        staged.Seal();
        var manifest = RunSteps.Manifest(report, sinces, sourceName, staged);
        var emailSent = false;
        if (email is not null)
        {
            foreach (var missing in EmailComposer.MissingAttachments(email, staged))
            {
                _log.LogWarning("delivery.email.attach names {Format}, but this run rendered no {Format} output; it is not attached", missing.ToString().ToLowerInvariant(), missing.ToString().ToLowerInvariant());
            }

            var content = EmailComposer.Compose(report, email, outputs, staged, cancellationToken);
            var bytes = await new EmailSender(smtp!, _time, _log).SendAsync(content, cancellationToken);
            manifest.Email = new ManifestEmail(content.To.Count + content.Cc.Count + content.Bcc.Count, content.Subject, content.Attachments.Select(a => a.FileName).ToList(), bytes);
            emailSent = true;
        }

        manifest.FinishedAt = _time.GetUtcNow();
        await using (var stream = staged.Create(RunManifest.FileName, "manifest"))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(_redactor.Redact(manifest.ToJson()));
        }

        staged.Commit();
        File.Delete(Path.Combine(staged.OutputDirectory, RunManifest.IncompleteFileName));
        if (usesLastRun)
        {
            foreach (var dataset in definition.Datasets)
            {
                state.Datasets[dataset.Name] = new DatasetRunState { LastRun = started.ToUnixTimeSeconds(), LastRunIso = started.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            }

            state.Save(statePath);
        }

        return new RunResult { Report = report, Manifest = manifest, Files = staged.Files.Select(f => f.FinalPath).ToList(), EmailSent = emailSent };
    }

    /// <summary>Every dataset read from <paramref name="source"/> into its own builder, in definition order.</summary>
    private async Task<IReadOnlyList<FetchedDataset>> FetchDatasetsAsync(
        ReportDefinition definition,
        RunRequest request,
        ReportContext context,
        RunState state,
        IActiveListSource source,
        TotangoOptions options,
        CancellationToken cancellationToken)
    {
        var fetcher = new ActiveListFetcher(source, options);
        var fetched = new List<FetchedDataset>(definition.Datasets.Count);
        foreach (var dataset in definition.Datasets)
        {
            var since = RunSteps.ResolveSince(dataset, request, context.Now, context.TimeZone, state);
            var queries = dataset.Return.Select(r => new ActiveListQuery(dataset.List, dataset.Endpoint, r, since)).ToList();
            var builder = new DatasetBuilder(dataset, context);
            _log.LogInformation("fetching {Dataset}: list {List} {Endpoint} ({Returns})", dataset.Name, dataset.List, dataset.Endpoint.ToString().ToLowerInvariant(), string.Join(", ", dataset.Return).ToLowerInvariant());
            FetchSummary summary;
            try
            {
                summary = await fetcher.FetchAsync(queries, builder, request.AllowPartial, _progress, cancellationToken);
            }
            catch (DataIncompleteException ex)
            {
                fetched.Add(new FetchedDataset(dataset, builder, ex.Summary, since));
                throw new IncompleteFetchException(ex, fetched);
            }

            fetched.Add(new FetchedDataset(dataset, builder, summary, since));
        }

        return fetched;
    }

    private async Task WriteIncompleteManifestAsync(ReportDefinition definition, ReportContext context, string sourceName, string outputDirectory, IncompleteFetchException incomplete, CancellationToken cancellationToken)
    {
        var manifest = new RunManifest
        {
            Definition = definition.SourcePath,
            Title = definition.Title,
            Source = sourceName,
            Status = RunManifest.StatusIncomplete,
            Parameters = context.Parameters,
            StartedAt = context.Now,
            FinishedAt = _time.GetUtcNow(),
            Datasets = incomplete.Fetched.ToDictionary(
                f => f.Dataset.Name,
                f => new ManifestDataset(f.Builder.AccountCount, f.Summary.TotalItems, f.Summary.Pages, f.Summary.Requests, f.Summary.Retries, f.Summary.Complete, f.Summary.Gaps.Count > 0 ? f.Summary.Gaps : null, f.Since),
                StringComparer.Ordinal),
            Warnings = [_redactor.Redact(incomplete.Cause.Message)],
        };
        using var staged = new StagedOutputs(outputDirectory);
        await using (var stream = staged.Create(RunManifest.IncompleteFileName, "manifest"))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(_redactor.Redact(manifest.ToJson()).AsMemory(), cancellationToken);
        }

        staged.Commit();
        _log.LogError("the list could not be read whole; what was missing is in {File}", Path.Combine(outputDirectory, RunManifest.IncompleteFileName));
    }

    /// <summary>A dataset could not be read whole; carries what was read so far for the manifest.</summary>
    private sealed class IncompleteFetchException(DataIncompleteException cause, IReadOnlyList<FetchedDataset> fetched) : Exception(cause.Message, cause)
    {
        public DataIncompleteException Cause { get; } = cause;

        public IReadOnlyList<FetchedDataset> Fetched { get; } = fetched;
    }

    private sealed record FetchedDataset(DatasetDefinition Dataset, DatasetBuilder Builder, FetchSummary Summary, long? Since);
}
