namespace TotangoReports.Definition;

/// <summary>How the report is delivered besides its files.</summary>
public sealed class DeliveryDefinition
{
    /// <summary>The report mail, or null.</summary>
    public EmailDeliveryDefinition? Email { get; init; }
}

/// <summary>Email delivery. SMTP settings come from configuration, never from the definition.</summary>
public sealed class EmailDeliveryDefinition
{
    /// <summary>Recipients.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Copy recipients.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Blind-copy recipients.</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];

    /// <summary>A Scriban template (<c>{{ date }}</c>, <c>{{ report.title }}</c>).</summary>
    public string Subject { get; init; } = "{{ report.title }} — {{ date }}";

    /// <summary><c>html</c>: the html output becomes the body; <c>summary</c>: a plain summary.</summary>
    public string Body { get; init; } = "html";

    /// <summary>Formats of outputs to attach.</summary>
    public IReadOnlyList<OutputFormat> Attach { get; init; } = [];

    /// <summary><c>when:</c> — always (default), not-empty or changed.</summary>
    public MailWhen When { get; init; } = MailWhen.Always;

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}
