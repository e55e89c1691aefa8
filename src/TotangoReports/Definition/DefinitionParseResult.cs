namespace TotangoReports.Definition;

/// <summary>
/// What parsing a definition produced: the model when there were no errors, and every diagnostic collected
/// (parsing never stops at the first problem).
/// </summary>
public sealed class DefinitionParseResult
{
    /// <summary>Creates the result.</summary>
    public DefinitionParseResult(ReportDefinition? definition, IReadOnlyList<Diagnostic> diagnostics)
    {
        Definition = diagnostics.Any(d => d.IsError) ? null : definition;
        Diagnostics = diagnostics;
    }

    /// <summary>The definition, or null when it has errors.</summary>
    public ReportDefinition? Definition { get; }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether there is a definition (no errors).</summary>
    public bool Success => Definition is not null;
}
