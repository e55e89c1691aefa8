using YamlDotNet.Core;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// One node of a definition document with its position. Built from parser events rather than YamlDotNet's
/// representation model so that duplicate keys become diagnostics and alias expansion stays bounded.
/// </summary>
internal sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public YamlNodeKind Kind { get; }

    /// <summary>1-based line of the node's first character (the opening quote of a quoted scalar).</summary>
    public int Line { get; }

    public int Column { get; }

    public string Value { get; private init; } = string.Empty;

    public ScalarStyle Style { get; private init; }

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = [];

    public List<YamlNode> Items { get; } = [];

    /// <summary>Nodes under this one with every alias expanded, this one included.</summary>
    public long ExpandedSize { get; set; } = 1;

    public bool IsNull =>
        Kind == YamlNodeKind.Scalar && Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsQuoted => Kind == YamlNodeKind.Scalar && Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    /// <summary>How an error names what was found: "a list", "a map", "text".</summary>
    public string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a map",
        YamlNodeKind.Sequence => "a list",
        _ when IsNull => "nothing",
        _ => $"'{Value}'",
    };

    public static YamlNode Scalar(Mark start, string value, ScalarStyle style) =>
        new(YamlNodeKind.Scalar, (int)start.Line, (int)start.Column) { Value = value, Style = style };

    public static YamlNode Collection(YamlNodeKind kind, Mark start) => new(kind, (int)start.Line, (int)start.Column);
}
