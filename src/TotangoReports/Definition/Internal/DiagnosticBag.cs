namespace TotangoReports.Definition.Internal;

/// <summary>Collects the diagnostics of one file; parsing never stops at the first problem.</summary>
internal sealed class DiagnosticBag(string file, string text)
{
    private readonly List<Diagnostic> _items = [];
    private string[]? _lines;

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Error(int line, int column, string message) =>
        _items.Add(new Diagnostic(new SourceLocation(File, line, column), message));

    public void Error(YamlNode node, string message) => Error(node.Line, node.Column, message);

    public void Warning(int line, int column, string message) =>
        _items.Add(new Diagnostic(new SourceLocation(File, line, column), message, DiagnosticSeverity.Warning));

    public void Warning(YamlNode node, string message) =>
        _items.Add(new Diagnostic(Location(node), message, DiagnosticSeverity.Warning));

    public SourceLocation Location(YamlNode node) => new(File, node.Line, node.Column);

    /// <summary>The text of a 1-based line, for mapping positions inside block scalars.</summary>
    public string LineText(int line)
    {
        _lines ??= text.Split('\n');
        return line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : string.Empty;
    }

    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];
}
