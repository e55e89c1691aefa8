namespace TotangoReports.Definition;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The definition cannot be used.</summary>
    Error,
    /// <summary>The definition works, but probably not as meant.</summary>
    Warning,
}

/// <summary>One problem found in a definition: where it is, and what to do about it.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>Whether <see cref="Severity"/> is <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file:line:col: message</c> (warnings say so), the format editors and CI logs understand.</summary>
    public override string ToString() =>
        Severity == DiagnosticSeverity.Warning ? $"{Location}: warning: {Message}" : $"{Location}: {Message}";
}
