using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli.Commands;

/// <summary>What every <c>history</c> command shares: which store (as <c>run</c> chooses it).</summary>
public class HistoryStoreSettings : GlobalSettings
{
    [CommandOption("--state <FILE>")]
    [Description("The store's SQLite file. Default: Store:ConnectionString, else .totango-reports.db beside the definition.")]
    public string? State { get; init; }
}

/// <summary><c>history list [DEF]</c>.</summary>
public sealed class HistoryListSettings : HistoryStoreSettings
{
    [CommandArgument(0, "[DEF]")]
    [Description("Only this definition's history (and its store). Default: every definition in the store of the working folder.")]
    public string? Definition { get; init; }
}

/// <summary>The <c>history</c> commands that work on one definition.</summary>
public class HistoryDefinitionSettings : HistoryStoreSettings
{
    [CommandArgument(0, "<DEF>")]
    [Description("Report definition (YAML or JSON) with a history: block.")]
    public string Definition { get; init; } = string.Empty;
}

/// <summary><c>history import DEF SNAPSHOT_DIR...</c>.</summary>
public sealed class HistoryImportSettings : HistoryDefinitionSettings
{
    [CommandArgument(1, "<SNAPSHOT_DIR>")]
    [Description("Folders written by 'fetch DEF --save DIR'; each is recorded at its fetch time.")]
    public string[] Snapshots { get; init; } = [];
}

/// <summary><c>history prune DEF --keep 104w</c>.</summary>
public sealed class HistoryPruneSettings : HistoryDefinitionSettings
{
    [CommandOption("--keep <SPAN>")]
    [Description("Keep the snapshots of this last span (12h, 7d, 104w); older ones are removed.")]
    public string? Keep { get; init; }

    public override ValidationResult Validate() =>
        Keep is null ? ValidationResult.Error("--keep is required (e.g. --keep 104w)") : base.Validate();
}

/// <summary><c>history export DEF --format csv|parquet --out DIR</c>.</summary>
public sealed class HistoryExportSettings : HistoryDefinitionSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("parquet (default) or csv.")]
    public string Format { get; init; } = "parquet";

    [CommandOption("-o|--out <DIR>")]
    [Description("Folder to write DATASET/snapshot_date=YYYY-MM-DD/part-N.FORMAT into.")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        Out is null ? ValidationResult.Error("--out is required (the folder to export into)")
        : Format is not ("csv" or "parquet") ? ValidationResult.Error($"--format {Format}: use csv or parquet")
        : base.Validate();
}
