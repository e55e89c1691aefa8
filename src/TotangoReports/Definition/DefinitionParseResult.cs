namespace TotangoReports.Definition;

/// <summary>
/// What parsing a definition produced: the model when there were no errors, and every diagnostic collected
/// (parsing never stops at the first problem).
/// </summary>
public sealed class DefinitionParseResult
{
    public DefinitionParseResult(ReportDefinition? definition, IReadOnlyList<Diagnostic> diagnostics)
    {
        Definition = diagnostics.Any(d => d.IsError) ? null : definition;
        Diagnostics = diagnostics;
    }

    public ReportDefinition? Definition { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Success => Definition is not null;
}
