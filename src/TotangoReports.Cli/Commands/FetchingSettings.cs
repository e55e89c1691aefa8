using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotangoReports.Cli.Commands;

/// <summary>What <c>run</c> and <c>fetch</c> share: where the data comes from and which slice of a delta list.</summary>
public abstract class FetchingSettings : DefinitionSettings
{
    [CommandOption("--sample")]
    [Description("Use the built-in deterministic sample data (700 accounts); nothing is fetched.")]
    public bool Sample { get; init; }

    [CommandOption("--since <WHEN>")]
    [Description("Override every dataset's since: 7d, 24h, 2026-11-01, unix seconds or last-run.")]
    public string? Since { get; init; }

    [CommandOption("--state <FILE>")]
    [Description("The store's SQLite file (since: last-run watermarks, history). Default: Store:ConnectionString, else .totango-reports.db beside the definition.")]
    public string? State { get; init; }

    [CommandOption("--allow-partial")]
    [Description("Go on when a list could not be read whole (the manifest says what is missing).")]
    public bool AllowPartial { get; init; }
}
