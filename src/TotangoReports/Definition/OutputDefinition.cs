namespace TotangoReports.Definition;

public enum OutputFormat
{
    Xlsx,
    Pdf,
    Html,
    Csv,
}

public enum PageSize
{
    A4,
    Letter,
}

/// <summary>One file the run writes.</summary>
public sealed class OutputDefinition
{
    public required OutputFormat Format { get; init; }

    /// <summary>File name relative to <c>--out</c>; may hold <c>{{ date }}</c>.</summary>
    public required string File { get; init; }

    /// <summary>html: a built-in template name (<c>exec-summary</c>, <c>accounts</c>) or a path to a <c>.sbn</c> file.</summary>
    public string? Template { get; init; }

    /// <summary>csv (required when there are several datasets), html/pdf (optional): the dataset to render.</summary>
    public string? Dataset { get; init; }

    /// <summary>pdf: paper size. Default A4.</summary>
    public PageSize PageSize { get; init; } = PageSize.A4;

    /// <summary>pdf: author metadata; default the product name.</summary>
    public string? Author { get; init; }

    /// <summary>pdf: optional logo image path (relative to the definition).</summary>
    public string? Logo { get; init; }

    public SourceLocation Location { get; init; }
}
