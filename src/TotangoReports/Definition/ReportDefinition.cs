namespace TotangoReports.Definition;

/// <summary>A parsed report definition (PRODUCT.md §4). YAML and JSON produce the same model.</summary>
public sealed class ReportDefinition
{
    /// <summary>Report title.</summary>
    public required string Title { get; init; }

    /// <summary>One-line description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>IANA or Windows id; dates in outputs are shown in this zone. Default <c>UTC</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Declared parameters by name, with their defaults.</summary>
    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; init; } =
        new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);

    /// <summary>The datasets, in order.</summary>
    public required IReadOnlyList<DatasetDefinition> Datasets { get; init; }

    /// <summary>The outputs, in order.</summary>
    public IReadOnlyList<OutputDefinition> Outputs { get; init; } = [];

    /// <summary>Delivery (the report mail), or null.</summary>
    public DeliveryDefinition? Delivery { get; init; }

    /// <summary>The declared headline (KPIs, charts); null = the defaults over the first dataset.</summary>
    public SummaryDefinition? Summary { get; init; }

    /// <summary><c>history:</c>: record this report in the history store after each live run; null = no history.</summary>
    public HistoryDefinition? History { get; init; }

    /// <summary><c>burst:</c>: one report per owner besides the whole one; null = the whole report only.</summary>
    public BurstDefinition? Burst { get; init; }

    /// <summary><c>checks:</c>: conditions that must hold before anything is delivered; empty = none.</summary>
    public IReadOnlyList<CheckDefinition> Checks { get; init; } = [];

    /// <summary>The name of the dataset the summary describes (<c>summary.dataset</c>, or the first); null without datasets.</summary>
    public string? SummaryDataset => Summary?.Dataset ?? (Datasets.Count > 0 ? Datasets[0].Name : null);

    /// <summary>The declared <c>summary:</c> when <paramref name="dataset"/> is the one it summarises (its own, or the first dataset); else null.</summary>
    public SummaryDefinition? SummaryFor(string dataset) =>
        Summary is { } summary && string.Equals(summary.Dataset ?? (Datasets.Count > 0 ? Datasets[0].Name : null), dataset, StringComparison.Ordinal) ? summary : null;

    /// <summary>The file this definition was read from (full path), or a display name for in-memory text.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The folder relative paths in the definition (templates, state file) resolve against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(SourcePath)) ?? Directory.GetCurrentDirectory();
}
