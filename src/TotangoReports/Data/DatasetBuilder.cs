using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data.Internal;
using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>
/// Turns the accounts of one dataset into its table. A thin facade over three parts: the <see cref="DatasetPlan"/>
/// (the definition compiled once: path slots, every expression parsed once), the <see cref="AccountAccumulator"/> the
/// fetch pipeline streams records into through <see cref="Add"/> (projects and joins on <c>account_id</c>, so memory
/// holds rows, not JSON), and the <see cref="TableShaper"/> that <see cref="Build"/> runs (evaluate, filter, sort,
/// limit, group, summary, side tables). Bad data never throws: the cell is empty and <see cref="Warnings"/> says
/// which column, how many accounts and the first one.
/// </summary>
internal sealed class DatasetBuilder : IAccountSink
{
    private readonly DatasetDefinition _dataset;
    private readonly DatasetPlan _plan;
    private readonly AccountAccumulator _accumulator;
    private readonly TableShaper _shaper;
    private IReadOnlyList<string>? _warnings;
    private bool _built;

    public DatasetBuilder(DatasetDefinition dataset, ReportContext context)
        : this(dataset, context, DatasetBuilderOptions.Default)
    {
    }

    public DatasetBuilder(DatasetDefinition dataset, ReportContext context, DatasetBuilderOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataset = dataset;
        _plan = new DatasetPlan(dataset, options, new ProblemLog(dataset.Name));
        _accumulator = new AccountAccumulator(_plan, context.TimeZone);
        _shaper = new TableShaper(_plan, context, options);
    }

    /// <summary>
    /// The declared <c>summary:</c> when this dataset is the one summarised; null = the default KPIs and charts.
    /// Either way the summary is computed from the rows the table shows.
    /// </summary>
    public SummaryDefinition? Summary { get; init; }

    /// <summary><c>burst.by</c> when this dataset is the one summarised: the table also gets one <see cref="BurstSlice"/> per value.</summary>
    public string? BurstBy { get; init; }

    /// <summary>The snapshots this dataset's history columns, KPI compares and over-charts read; set before <see cref="Build"/>.</summary>
    internal Internal.HistoryInputs? History { get; set; }

    /// <summary>Fill the table's <see cref="DatasetTable.RecordedRows"/> for the history store (a definition with <c>history:</c>).</summary>
    internal bool Records { get; init; }

    /// <summary>What computing the summary took inside <see cref="Build"/>: wall time and bytes allocated (for the bench).</summary>
    internal (TimeSpan Elapsed, long Allocated) SummaryCost => _shaper.SummaryCost;

    /// <summary>Accounts seen so far (unique <c>account_id</c>s over every return type).</summary>
    public int AccountCount => _accumulator.Accounts.Count;

    /// <summary>Problems with the data or the expressions, one line per column/subject; complete after <see cref="Build"/>.</summary>
    public IReadOnlyList<string> Warnings => _warnings ?? [.. _plan.SetupWarnings, .. _shaper.Warnings, .. _plan.Problems.ToWarnings()];

    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public void Add(ReturnType returnType, JsonElement account)
    {
        ThrowIfBuilt();
        _accumulator.Add(returnType, account);
    }

    /// <summary>The table. Call once: the projected accounts are released as the rows are made.</summary>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    /// <remarks><c>lookup:</c> columns read <paramref name="built"/>: the datasets they name, built first.</remarks>
    public DatasetTable Build(FetchSummary fetch, IReadOnlyDictionary<string, DatasetTable>? built = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ThrowIfBuilt();
        _built = true;
        var table = _shaper.Shape(_accumulator, Summary, BurstBy, fetch, built ?? new Dictionary<string, DatasetTable>(), History, Records);
        _warnings = [.. _plan.SetupWarnings, .. _shaper.Warnings, .. _plan.Problems.ToWarnings()];
        _accumulator.Release();

        // The past snapshots are read by now: let them go before the outputs are rendered.
        History = null;
        return table;
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException($"dataset '{_dataset.Name}': the table was already built; use a new DatasetBuilder per run.");
        }
    }
}
