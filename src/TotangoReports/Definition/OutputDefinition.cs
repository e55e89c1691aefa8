namespace TotangoReports.Definition;

/// <summary>The formats a report renders to.</summary>
public enum OutputFormat
{
    /// <summary>An Excel workbook.</summary>
    Xlsx,
    /// <summary>A print-ready PDF.</summary>
    Pdf,
    /// <summary>HTML from a Scriban template.</summary>
    Html,
    /// <summary>CSV of one dataset.</summary>
    Csv,
}

/// <summary>Paper size of a pdf output.</summary>
public enum PageSize
{
    /// <summary>ISO A4.</summary>
    A4,
    /// <summary>US Letter.</summary>
    Letter,
}

/// <summary>One file the run writes.</summary>
public sealed class OutputDefinition
{
    /// <summary>The format.</summary>
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

    /// <summary>
    /// pdf, html, xlsx: each table shows its first N rows, then "… and M more rows"; null = every row. KPIs and charts
    /// still describe every row. csv ignores it (a CSV is data for another program, not a page to read).
    /// </summary>
    public int? Rows { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}
