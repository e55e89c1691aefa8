namespace TotangoReports.Definition;

/// <summary>
/// What <see cref="DefinitionLoader"/> checks a definition against. Defaults: every output format is available, the
/// built-in html templates are <c>exec-summary</c> and <c>accounts</c>, and documents are limited to
/// 100 000 nodes (counting every alias expansion) and 64 levels of nesting.
/// </summary>
internal sealed class DefinitionLoadOptions
{
    /// <summary>The names of the html templates shipped with the product.</summary>
    public static IReadOnlyList<string> DefaultBuiltInTemplates { get; } = ["exec-summary", "accounts"];

    /// <summary>Formats this build can render; <c>null</c> = all of them. An output of another format is an error.</summary>
    public IReadOnlySet<OutputFormat>? AvailableFormats { get; init; }

    /// <summary>Whether an html <c>template</c> name is a built-in; <c>null</c> = <see cref="DefaultBuiltInTemplates"/>.</summary>
    public Func<string, bool>? BuiltInTemplateExists { get; init; }

    /// <summary>Most nodes a document may hold, aliases expanded (stops "billion laughs" documents). Default 100 000.</summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>Deepest nesting of maps and lists a document may use. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Largest file <see cref="DefinitionLoader.Load"/> reads, in bytes. Default 4 MiB.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 10, nameof(MaxNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 4, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1024, nameof(MaxFileBytes));
    }

    internal bool IsFormatAvailable(OutputFormat format) => AvailableFormats?.Contains(format) ?? true;

    internal bool IsBuiltInTemplate(string name) =>
        BuiltInTemplateExists?.Invoke(name) ?? DefaultBuiltInTemplates.Contains(name, StringComparer.Ordinal);
}
