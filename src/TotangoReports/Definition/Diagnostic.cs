namespace TotangoReports.Definition;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>One problem found in a definition: where it is, and what to do about it.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file:line:col: message</c> (warnings say so), the format editors and CI logs understand.</summary>
    public override string ToString() =>
        Severity == DiagnosticSeverity.Warning ? $"{Location}: warning: {Message}" : $"{Location}: {Message}";
}
