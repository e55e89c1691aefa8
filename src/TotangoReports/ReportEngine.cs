using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Logging;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Csv;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Xlsx;
using TotangoReports.Runs;
using TotangoReports.Sample.Internal;

namespace TotangoReports;

/// <summary>
/// The front door of the library: load a definition (file, text or object model), build a <see cref="Report"/> from
/// any <see cref="ReportSource"/>, render it in any format to a <see cref="Stream"/>, or run the whole job (files,
/// manifest, state, mail) as the CLI's <c>run</c> does.
/// </summary>
/// <remarks>
/// Failures are typed: <see cref="ReportInputException"/> (definition, parameters, since, state, SMTP settings,
/// output folder), <see cref="TotangoAuthException"/>, <see cref="TotangoApiException"/>,
/// <see cref="TotangoConfigurationException"/>, <see cref="DataIncompleteException"/>, <see cref="RenderException"/>,
/// <see cref="ReportHeldException"/>, <see cref="OutputFolderBusyException"/>, <see cref="EmailDeliveryException"/>,
/// <see cref="WatermarkSaveException"/>, <see cref="Store.ReportStoreException"/> (a damaged or unreachable store).
/// Messages never contain the API token, the SMTP password or a password in the API's base URL.
/// </remarks>
public sealed class ReportEngine
{
    private readonly SecretRedactor _redactor;
    private readonly ReportRenderers _renderers;

    /// <param name="options">Typed settings; null = every default (sample and snapshot sources need nothing else).</param>
    public ReportEngine(ReportEngineOptions? options = null)
    {
        Options = options ?? new ReportEngineOptions();
        _redactor = Options.Redactor ?? new SecretRedactor();
        _redactor.Add(Options.Totango.ApiToken);
        _redactor.Add(Options.Smtp?.Password);
        _redactor.Add(Api.Internal.UrlText.Password(Options.Totango.BaseUrl));
        _renderers = new ReportRenderers([new CsvRenderer(Options.Csv), new XlsxRenderer(Options.Xlsx), new PdfRenderer(Options.Pdf), new HtmlRenderer(Options.Html)]);
    }

    /// <summary>The settings this engine was made with.</summary>
    public ReportEngineOptions Options { get; }

    /// <summary>Every problem of a definition file (its html templates included) as diagnostics; nothing is fetched.</summary>
    public static DefinitionParseResult Validate(string path) => DefinitionGate.Validate(path);

    /// <summary>Reads a definition file (YAML or JSON); throws <see cref="ReportInputException"/> listing every error.</summary>
    public static ReportDefinition LoadDefinition(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DefinitionGate.Require(DefinitionGate.Validate(path));
    }

    /// <summary>
    /// Parses definition text (YAML or JSON); <paramref name="fileName"/> is how errors name it, and relative paths
    /// (templates, logo, state) resolve beside it. Throws <see cref="ReportInputException"/> listing every error.
    /// </summary>
    public static ReportDefinition ParseDefinition(string text, string fileName = "definition.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return DefinitionGate.Require(DefinitionGate.ValidateText(text, fileName));
    }

    /// <summary>
    /// Reads every dataset of <paramref name="definition"/> from <paramref name="source"/> and builds the report in
    /// memory. A definition built in code is used as given (only text is validated).
    /// </summary>
    public async Task<Report> BuildAsync(ReportDefinition definition, ReportSource source, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new BuildOptions();
        var run = await PrepareAsync(definition, options, source.Kind, cancellationToken).ConfigureAwait(false);
        var store = new StoreScope(run.Store);
        await using var storeDisposal = store.ConfigureAwait(false);
        using var opened = source.Open(Options, run.Context.Now);
        var fetched = await FetchAsync(run, opened, options.AllowPartial, cancellationToken).ConfigureAwait(false);
        if (fetched.Incomplete is { } incomplete)
        {
            throw incomplete;
        }

        await BuildStage.LoadHistoryAsync(run, fetched.Datasets, HistoryFor(source, run), cancellationToken).ConfigureAwait(false);
        return BuildStage.Run(run, fetched.Datasets, source.IsSample).Report;
    }

    /// <summary>
    /// Renders <paramref name="report"/> as <paramref name="format"/> to <paramref name="destination"/> (left open),
    /// with this engine's options for that renderer. The definition's first output of that format says which
    /// template, dataset or page size; without one the format's defaults apply.
    /// </summary>
    public Task RenderAsync(Report report, OutputFormat format, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var output = report.Definition.Outputs.FirstOrDefault(o => o.Format == format)
            ?? new OutputDefinition { Format = format, File = "report." + format.ToString().ToLowerInvariant() };
        return RenderOutputAsync(report, output, destination, cancellationToken);
    }

    /// <summary>Renders one output of <paramref name="report"/> to <paramref name="destination"/> (left open).</summary>
    public Task RenderOutputAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(destination);
        return _renderers[output.Format].RenderAsync(report, output, destination, cancellationToken);
    }

    /// <summary>
    /// The whole job, stage after stage: fetch → build → render (staged) → deliver (mail) → commit (files, manifest,
    /// state). Nothing reaches <see cref="RunOptions.OutputDirectory"/> unless every stage succeeded; when a list
    /// cannot be read whole only <c>run.incomplete.json</c> is written and <see cref="DataIncompleteException"/> thrown.
    /// The output folder is checked before anything is fetched and locked while the run writes it. The
    /// <c>since: last-run</c> watermark moves only after a live run that rendered every output and sent the mail
    /// (<c>run.json</c> says whether it moved); <see cref="WatermarkSaveException"/> when it could not be saved after
    /// the files were committed.
    /// </summary>
    public async Task<RunResult> RunAsync(ReportDefinition definition, ReportSource source, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var run = await PrepareAsync(definition, options, source.Kind, cancellationToken).ConfigureAwait(false);
        var store = new StoreScope(run.Store);
        await using var storeDisposal = store.ConfigureAwait(false);
        var notes = new RunNotes(Options.Logger);
        var plan = RunPlan.Create(definition, options.Formats, options.SendEmail, options.SendSampleMail, Options.Smtp, source.Kind, notes);
        OutputFolderCheck.Check(options.OutputDirectory);
        var commit = new CommitStage(Options.Time, _redactor, Options.Logger);
        string sourceName;
        FetchedData<DatasetBuilder> fetched;
        using (var opened = source.Open(Options, run.Context.Now))
        {
            sourceName = opened.Name;
            fetched = await FetchAsync(run, opened, options.AllowPartial, cancellationToken).ConfigureAwait(false);
        }

        if (fetched.Incomplete is { } incomplete)
        {
            await commit.WriteIncompleteAsync(run, sourceName, options.OutputDirectory, fetched, cancellationToken).ConfigureAwait(false);
            throw incomplete;
        }

        var stageMemory = new StageMemory(Options.ReturnMemoryBetweenStages, fetched.Datasets.Sum(d => d.Sink.AccountCount));
        stageMemory.Release();
        await BuildStage.LoadHistoryAsync(run, fetched.Datasets, HistoryFor(source, run), cancellationToken).ConfigureAwait(false);
        var built = BuildStage.Run(run, fetched.Datasets, source.IsSample);
        stageMemory.Release();
        if (options.Strict && built.Report.Warnings.Count > 0)
        {
            // The host's logger may redact nothing: a warning can quote data or a server's answer.
            foreach (var warning in built.Report.Warnings)
            {
                Options.Logger.LogWarning("{Warning}", _redactor.Redact(warning));
            }

            throw new ReportHeldException([.. built.Report.Warnings.Select(_redactor.Redact)]);
        }

        var memory = new DeliveryMemory(run.Store, run.StoreKey);
        var previous = definition.Checks.Count > 0 ? await memory.LastAsync(Store.DeliveryRecord.RollUp, cancellationToken).ConfigureAwait(false) : null;
        ChecksStage.Run(built.Report, previous?.RowCounts, options.Force, notes);
        // Read only by the mail rules and the delivery records, so a run that mails nobody never hashes its rows.
        var rollUpRows = new Lazy<(string Digest, IReadOnlyDictionary<string, int> Counts)>(() => RowsDigest.Of(built.Report));

        // From here the run writes the folder: one run at a time (a second waits, then gives up clearly).
        using var folderLock = await OutputFolderLock.AcquireAsync(options.OutputDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var staged = new StagedOutputs(options.OutputDirectory);
        var renderStage = new RenderStage(_renderers, Options.Logger, stageMemory);
        var deliverStage = new DeliverStage(Options.Time, Options.Logger, _redactor);
        var rollUp = definition.Burst?.RollUp ?? true;
        var rendered = rollUp
            ? await renderStage.RunAsync(built, plan, staged, cancellationToken).ConfigureAwait(false)
            : new RenderedOutputs(plan.Outputs, staged);
        var rollUpFiles = staged.Files.ToList();
        var outbox = plan.Email is not null ? Outbox.CreateStaging(options.OutputDirectory) : null;
        try
        {
            var rollUpMail = outbox is not null && rollUp
                ? deliverStage.ComposeRollUp(built.Report, plan, rendered, rollUpFiles, outbox, notes, await MailRules.SkipRollUpAsync(built.Report, () => rollUpRows.Value.Digest, memory, cancellationToken).ConfigureAwait(false), cancellationToken)
                : null;
            var bursts = await new BurstStage(renderStage).RunAsync(built, plan, staged, outbox, memory, notes, cancellationToken).ConfigureAwait(false);
            staged.Seal();
            var complete = fetched.Datasets.All(f => f.Summary.Complete);
            var delivered = outbox is not null
                ? await deliverStage.SendAsync(rollUpMail, plan, outbox, cancellationToken).ConfigureAwait(false)
                : new Delivered(null, null);
            var stays = run.UsesLastRun ? WatermarkPolicy.WhyItStays(definition, source.Kind, options.AsOf is not null, options.SendEmail, plan.Outputs, mailed: plan.Email is not null, complete) : null;

            // A run is delivered only when every recipient accepted its mail: until then the watermark stays and no
            // history is recorded, as for a run that failed (resend mails; it does not move either).
            if (run.UsesLastRun && stays is null && !delivered.AllAccepted)
            {
                stays = "some recipients did not accept the mail (see deliveries in run.json; resend does not move it either)";
            }

            // History is recorded by the runs that would move a watermark, and by --as-of runs (backfills) at their time.
            var notRecorded = definition.History is null ? null
                : !delivered.AllAccepted ? "some recipients did not accept the mail"
                : WatermarkPolicy.WhyItStays(definition, source.Kind, asOf: false, options.SendEmail, plan.Outputs, mailed: plan.Email is not null, complete);
            var record = definition.History is not null && notRecorded is null;
            if (notRecorded is not null)
            {
                Options.Logger.LogInformation("history: this run records nothing: {Reason}", notRecorded);
            }

            if (stays is not null)
            {
                notes.Warn(WatermarkPolicy.Message(stays));
            }

            var deliveries = MailRules.Delivered(delivered.Outbox, run.Context.Now.ToUniversalTime(), rollUpRows, bursts);
            var committed = await commit.RunAsync(run, built, sourceName, rendered, delivered, bursts, notes, stays, record, deliveries, cancellationToken).ConfigureAwait(false);
            if (delivered.Failed is { Count: > 0 } failed)
            {
                throw new MailNotAcceptedException(
                    $"the mail was not accepted by {failed.Count} recipient(s): {string.Join(", ", failed)}. The report files and run.json were written and the mail is kept in {Outbox.PathIn(options.OutputDirectory)}; 'totango-reports resend {options.OutputDirectory}' sends it to them only.",
                    failed);
            }

            return new RunResult { Report = built.Report, Manifest = committed.Manifest, Files = committed.Files, EmailSent = delivered.Outbox?.Recipients.Any(r => r.Recipient.Status == Outbox.Sent) ?? false };
        }
        finally
        {
            // Kept (moved to .outbox) when someone still waits for it; otherwise this run's staging copy goes.
            if (outbox is not null && !string.Equals(outbox.Folder, Outbox.PathIn(options.OutputDirectory), StringComparison.Ordinal))
            {
                outbox.Delete();
            }
        }
    }

    /// <summary>
    /// <c>totango-reports resend OUT</c>: sends the mail a run kept in <paramref name="outputDirectory"/> to the
    /// recipients that have not accepted it yet (each once, over its own transaction), never to one that has, and
    /// updates the kept status and <c>run.json</c>. Returns how many recipients accepted now (0 when nothing was
    /// waiting); throws <see cref="MailNotAcceptedException"/> naming those that still did not.
    /// </summary>
    public async Task<int> ResendAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        using var folderLock = await OutputFolderLock.AcquireAsync(outputDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await new ResendStage(Options.Smtp, Options.Time, Options.Logger, _redactor).RunAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every dataset's pages (as <see cref="RunAsync"/> would) and saves them as a snapshot in
    /// <paramref name="directory"/>, which <see cref="ReportSource.Snapshot"/> reads offline. The folder must be new,
    /// empty or an earlier snapshot; it is replaced whole or not at all. Returns the number of pages saved.
    /// </summary>
    public async Task<int> SaveSnapshotAsync(ReportDefinition definition, ReportSource source, string directory, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new BuildOptions();
        var run = await PrepareAsync(definition, options, source.Kind, cancellationToken).ConfigureAwait(false);
        var store = new StoreScope(run.Store);
        await using var storeDisposal = store.ConfigureAwait(false);
        var target = SnapshotFolder.CheckReplaceable(directory, definition.SourcePath);
        using var opened = source.Open(Options, run.Context.Now);
        var staging = SnapshotFolder.StagingPath(target);
        FetchedData<NullAccountSink> fetched;
        try
        {
            var writer = new SnapshotWriter(staging, opened.Source, Options.Time);
            await using var writerDisposal = writer.ConfigureAwait(false);

            // A snapshot keeps pages, not rows: accounts are read (to page and reconcile) but not projected.
            fetched = await new FetchStage(Options.Totango, Options.Logger, Options.Progress).RunAsync(run, writer, _ => NullAccountSink.Instance, options.AllowPartial, cancellationToken).ConfigureAwait(false);
            if (fetched.Incomplete is { } incomplete)
            {
                throw incomplete;
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            SnapshotFolder.DeleteQuietly(staging);
            throw;
        }

        // Like report files, a snapshot appears whole or not at all.
        SnapshotFolder.Replace(target, staging);
        return fetched.Datasets.Sum(f => f.Summary.Pages);
    }

    /// <summary><c>history import</c>: records the report of a <c>fetch --save</c> snapshot as of its fetch time.</summary>
    internal Task<IReadOnlyList<Data.History.HistorySnapshot>> ImportHistoryAsync(ReportDefinition definition, string snapshotDirectory, string? sqlitePath, CancellationToken cancellationToken) =>
        HistoryImport.RunAsync(Options.Totango, Options.Store, Options.Logger, _redactor, definition, snapshotDirectory, sqlitePath, cancellationToken);

    /// <summary>The store of <paramref name="definition"/> (or of <paramref name="baseDirectory"/>), for the <c>history</c> commands.</summary>
    internal Store.Internal.SqlReportStore OpenStore(ReportDefinition? definition, string baseDirectory, string? sqlitePath) =>
        Store.StoreFactory.Open(Options.Store, definition?.BaseDirectory ?? baseDirectory, sqlitePath, _redactor);

    /// <summary>The run prepared and, when it needs one, its store opened (the caller disposes it through <see cref="StoreScope"/>).</summary>
    private Task<PreparedRun> PrepareAsync(ReportDefinition definition, BuildOptions options, SourceKind source, CancellationToken cancellationToken) =>
        StoreStage.OpenAsync(PrepareStage.Run(definition, options.Parameters, options.Since, options.AsOf ?? Options.Time.GetUtcNow()), source, Options.Store, options.StatePath, _redactor, Options.Logger, cancellationToken);

    private Task<FetchedData<DatasetBuilder>> FetchAsync(PreparedRun run, OpenedSource opened, bool allowPartial, CancellationToken cancellationToken) =>
        new FetchStage(Options.Totango, Options.Logger, Options.Progress).RunAsync(run, opened.Source, run.BuilderFor, allowPartial, cancellationToken);

    /// <summary>
    /// The past a run's history columns read: the sample's own 12 weeks for sample sources (never the store); the
    /// store's history of the definition otherwise (<see cref="PreparedRun.History"/>, null when there is none).
    /// </summary>
    private Data.History.IHistoryReader? HistoryFor(ReportSource source, PreparedRun run) =>
        source.SampleOptions is { } sample && run.Definition.History is not null ? new SampleHistoryReader(run, sample, Options.Totango) : run.History;
}
