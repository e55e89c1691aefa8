namespace TotangoReports.Definition;

/// <summary>
/// <c>burst:</c> — one report per distinct value of a column of the summary dataset (the CSM, a region), besides the
/// whole one (PRODUCT.md §4b). Each owner's files go to <c>--out/&lt;value as a safe folder name&gt;/</c> and its mail
/// to the addresses of <see cref="To"/> or <see cref="Recipients"/>.
/// </summary>
public sealed class BurstDefinition
{
    /// <summary>The column whose distinct values make the reports.</summary>
    public required string By { get; init; }

    /// <summary>A column of the same dataset holding each owner's address(es) (comma or semicolon separated); null = <see cref="Recipients"/>.</summary>
    public string? To { get; init; }

    /// <summary>A YAML or CSV file (value → addresses), relative to the definition; null = <see cref="To"/>.</summary>
    public string? Recipients { get; init; }

    /// <summary>Also produce and deliver the whole report, as without <c>burst:</c>. Default true.</summary>
    public bool RollUp { get; init; } = true;

    /// <summary>Where <c>burst:</c> was written.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>
/// One entry of <c>checks:</c>: a Scriban expression over <c>rows.&lt;dataset&gt;</c>, <c>previous_rows.&lt;dataset&gt;</c> and
/// <c>kpis["label"]</c> that must hold, or nothing is delivered and the run is held (PRODUCT.md §2, exit 7).
/// </summary>
/// <param name="Expression">The expression as written.</param>
/// <param name="Location">Where it was written.</param>
public sealed record CheckDefinition(string Expression, SourceLocation Location);

/// <summary><c>delivery.email.when</c>: when the report mail is sent.</summary>
public enum MailWhen
{
    /// <summary>Every run (the default).</summary>
    Always,

    /// <summary>Only when the summary dataset has rows; the files are written either way.</summary>
    NotEmpty,

    /// <summary>Only when the rows differ from those of the last delivered run of this definition (or burst value).</summary>
    Changed,
}
