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
using TotangoReports.Sample.Internal;

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
        var run = Prepare(request);
        var target = SnapshotFolder.CheckReplaceable(directory, run.Definition.SourcePath);
        var (inner, _) = RunSteps.CreateSource(request, run.Options, _time, _log, run.Context.Now);
        try
        {
            var staging = SnapshotFolder.StagingPath(target);
            var fetched = new List<FetchedDataset>();
            try
            {
                await using var writer = new SnapshotWriter(staging, inner, _time);

                // A snapshot keeps pages, not rows: accounts are read (to page and reconcile) but not projected.
                await FetchDatasetsAsync(run, request, writer, _ => NullAccountSink.Instance, fetched, cancellationToken);
                await writer.CompleteAsync(cancellationToken);
            }
            catch
            {
                SnapshotFolder.DeleteQuietly(staging);
                throw;
            }

            // Like report files, a snapshot appears whole or not at all.
            SnapshotFolder.Replace(target, staging);
            return fetched.Sum(f => f.Summary.Pages);
        }
        finally
        {
            (inner as IDisposable)?.Dispose();
        }
    }

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = Prepare(request);
        var (definition, context) = (run.Definition, run.Context);
        var outputs = RunSteps.SelectOutputs(definition, request.Formats);
        var notes = new RunNotes(_log);
        var email = RunSteps.EmailToSend(definition, request, _configuration, notes, out var smtp);
        _redactor.Add(smtp?.Password);
        OutputFolderCheck.Check(request.OutputDirectory);
        var (source, sourceName) = RunSteps.CreateSource(request, run.Options, _time, _log, run.Context.Now);
        var fetched = new List<FetchedDataset>(definition.Datasets.Count);
        try
        {
            await FetchDatasetsAsync(run, request, source, dataset => new DatasetBuilder(dataset, context) { Summary = definition.SummaryFor(dataset.Name) }, fetched, cancellationToken);
        }
        catch (DataIncompleteException incomplete)
        {
            // Exit 5: the report and its run.json stay as they were; run.incomplete.json says what could not be read.
            try
            {
                await WriteIncompleteManifestAsync(run, sourceName, request.OutputDirectory, fetched, incomplete, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.LogWarning("could not write {File}: {Reason}", RunManifest.IncompleteFileName, ex.Message);
            }

            throw;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }

        var builders = fetched.Select(f => (DatasetBuilder)f.Sink).ToList();
        var tables = builders.Select((b, i) => b.Build(fetched[i].Summary)).ToList();
        var warnings = builders.SelectMany(b => b.Warnings).ToList();
        warnings.AddRange(fetched.Where(f => !f.Summary.Complete).Select(f => $"dataset {f.Dataset.Name} is incomplete: {string.Join("; ", f.Summary.Gaps)}"));
        var sinces = fetched.ToDictionary(f => f.Dataset.Name, f => f.Since, StringComparer.Ordinal);
        var report = ReportAssembler.Create(definition, context, tables, warnings, isSample: request.Source == DataSourceKind.Sample);
        if (request.Strict && warnings.Count > 0)
        {
            HoldOnWarnings(warnings);
        }

        using var folderLock = await OutputFolderLock.AcquireAsync(request.OutputDirectory, cancellationToken: cancellationToken);
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
        var stays = run.UsesLastRun ? WatermarkPolicy.WhyItStays(definition, request, outputs, mailed: email is not null, complete: fetched.All(f => f.Summary.Complete)) : null;
        if (stays is not null)
        {
            notes.Warn(WatermarkPolicy.Message(stays));
        }

        if (email is not null)
        {
            foreach (var missing in EmailComposer.MissingAttachments(email, staged))
            {
                notes.Warn($"delivery.email.attach names {missing.ToString().ToLowerInvariant()}, but this run rendered no {missing.ToString().ToLowerInvariant()} output; it is not attached");
            }
        }

        var manifest = RunSteps.Manifest(report, sinces, sourceName, staged, notes.Warnings);
        manifest.Watermark = run.UsesLastRun ? new ManifestWatermark(stays is null, stays) : null;
        manifest.Email = notes.SkippedMail(definition);
        var emailSent = false;
        if (email is not null)
        {
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
        if (run.UsesLastRun && stays is null)
        {
            foreach (var dataset in definition.Datasets.Where(d => RunSteps.UsesLastRun(d, request)))
            {
                run.State.Datasets[dataset.Name] = new DatasetRunState { LastRun = context.Now.ToUnixTimeSeconds(), LastRunIso = context.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            }

            run.State.Save(run.StatePath);
        }

        foreach (var warning in warnings)
        {
            _log.LogWarning("{Warning}", warning);
        }

        return new RunResult { Report = report, Manifest = manifest, Files = staged.Files.Select(f => f.FinalPath).ToList(), EmailSent = emailSent };
    }

    /// <summary><c>--strict</c>: every warning is printed, then the run stops before anything is written or mailed.</summary>
    private void HoldOnWarnings(List<string> warnings)
    {
        foreach (var warning in warnings)
        {
            _log.LogWarning("{Warning}", warning);
        }

        throw new ReportRunException(
            ExitCodes.Held,
            _redactor.Redact($"held under --strict: {warnings.Count} warning(s), the first: {warnings[0]} Nothing was delivered; the previous files are kept."));
    }

    /// <summary>Definition, parameters, context, state and API options: what every run and fetch starts from.</summary>
    private PreparedRun Prepare(RunRequest request)
    {
        var definition = RunSteps.LoadDefinition(request.DefinitionPath);
        RunSteps.CheckParameters(definition, request.Parameters);
        var context = RunSteps.CreateContext(definition, request.Parameters, request.AsOf ?? _time.GetUtcNow());
        var statePath = request.StatePath ?? RunState.DefaultPath(definition.SourcePath);
        var usesLastRun = definition.Datasets.Any(d => RunSteps.UsesLastRun(d, request));
        var state = usesLastRun ? RunSteps.LoadState(statePath) : new RunState();
        var options = TotangoOptions.FromConfiguration(_configuration);
        _redactor.Add(options.ApiToken);
        _redactor.Add(Api.Internal.UrlText.Password(options.BaseUrl));
        return new PreparedRun(definition, context, state, statePath, usesLastRun, options);
    }

    /// <summary>
    /// Every dataset read from <paramref name="source"/> into its sink, in definition order, each appended to
    /// <paramref name="fetched"/> as it completes — the incomplete one too, before its exception propagates.
    /// </summary>
    private async Task FetchDatasetsAsync(
        PreparedRun run,
        RunRequest request,
        IActiveListSource source,
        Func<DatasetDefinition, IAccountSink> sinkFor,
        List<FetchedDataset> fetched,
        CancellationToken cancellationToken)
    {
        var fetcher = new ActiveListFetcher(source, run.Options);
        foreach (var dataset in run.Definition.Datasets)
        {
            var since = RunSteps.ResolveSince(dataset, request, run.Context.Now, run.Context.TimeZone, run.State);
            var queries = dataset.Return.Select(r => new ActiveListQuery(dataset.List, dataset.Endpoint, r, since)).ToList();
            var sink = sinkFor(dataset);
            _log.LogInformation("fetching {Dataset}: list {List} {Endpoint} ({Returns})", dataset.Name, dataset.List, dataset.Endpoint.ToString().ToLowerInvariant(), string.Join(", ", dataset.Return).ToLowerInvariant());
            try
            {
                var summary = await fetcher.FetchAsync(queries, sink, request.AllowPartial, _progress, cancellationToken);
                fetched.Add(new FetchedDataset(dataset, sink, summary, since));
            }
            catch (DataIncompleteException ex)
            {
                fetched.Add(new FetchedDataset(dataset, sink, ex.Summary, since));
                throw;
            }
        }
    }

    private async Task WriteIncompleteManifestAsync(PreparedRun run, string sourceName, string outputDirectory, IReadOnlyList<FetchedDataset> fetched, DataIncompleteException incomplete, CancellationToken cancellationToken)
    {
        var manifest = new RunManifest
        {
            Definition = RunManifest.RelativeDefinitionPath(run.Definition.SourcePath, outputDirectory),
            Title = run.Definition.Title,
            Source = sourceName,
            Status = RunManifest.StatusIncomplete,
            Parameters = run.Context.Parameters,
            StartedAt = run.Context.Now,
            FinishedAt = _time.GetUtcNow(),
            Datasets = fetched.ToDictionary(
                f => f.Dataset.Name,
                f => ManifestDataset.From(f.Sink is DatasetBuilder builder ? builder.AccountCount : 0, f.Summary, f.Since),
                StringComparer.Ordinal),
            Warnings = [_redactor.Redact(incomplete.Message)],
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

    private sealed record PreparedRun(ReportDefinition Definition, ReportContext Context, RunState State, string StatePath, bool UsesLastRun, TotangoOptions Options);

    private sealed record FetchedDataset(DatasetDefinition Dataset, IAccountSink Sink, FetchSummary Summary, long? Since);
}
