using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// Reads YAML or JSON text into <see cref="YamlNode"/>s. The parser is event-driven (no recursion), and the reader
/// stops as soon as the document nests deeper than allowed or its alias-expanded size passes the limit, so a
/// "billion laughs" document fails in microseconds instead of exhausting memory.
/// </summary>
internal static partial class YamlTreeReader
{
    public static YamlNode? Read(string text, DiagnosticBag bag, int maxNodes, int maxDepth)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlNode? root = null;
        var documents = 0;
        long total = 0;
        var lastMark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastMark = current.End;
                YamlNode? completed = null;
                switch (current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            bag.Error(Line(start.Start), Col(start.Start), "a definition file holds one document; remove the second '---'");
                            return null;
                        }

                        break;
                    case Scalar scalar:
                        completed = YamlNode.Scalar(scalar.Start, scalar.Value, scalar.Style);
                        Register(anchors, scalar.Anchor, completed);
                        total++;
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out completed))
                        {
                            bag.Error(Line(alias.Start), Col(alias.Start), $"unknown alias '*{alias.Value.Value}': define '&{alias.Value.Value}' before using it");
                            return null;
                        }

                        total += completed.ExpandedSize;
                        break;
                    case MappingStart or SequenceStart:
                        var isMap = current is MappingStart;
                        var node = YamlNode.Collection(isMap ? YamlNodeKind.Mapping : YamlNodeKind.Sequence, current.Start);
                        stack.Push(new Frame(node, ((NodeEvent)current).Anchor));
                        total++;
                        if (stack.Count > maxDepth)
                        {
                            bag.Error(node.Line, node.Column, $"the document nests deeper than {maxDepth} levels; a report definition never needs that");
                            return null;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        // An anchor becomes usable only once its node is complete, so aliases can't form cycles.
                        Register(anchors, frame.Anchor, frame.Node);
                        completed = frame.Node;
                        break;
                }

                if (total > maxNodes)
                {
                    bag.Error(Line(current.Start), Col(current.Start),
                        $"the document expands to more than {maxNodes} nodes (aliases repeat too much); a report definition never needs that");
                    return null;
                }

                if (completed is null)
                {
                    continue;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                    continue;
                }

                var parent = stack.Peek();
                parent.Node.ExpandedSize += completed.ExpandedSize;
                if (parent.Node.Kind == YamlNodeKind.Sequence)
                {
                    parent.Node.Items.Add(completed);
                }
                else if (parent.PendingKey is null)
                {
                    parent.PendingKey = completed;
                }
                else
                {
                    parent.Node.Entries.Add(new(parent.PendingKey, completed));
                    parent.PendingKey = null;
                }
            }
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndent(text, Line(e.Start)) is var (line, col))
        {
            // YamlDotNet reports a tab in indentation at the start of the enclosing mapping (often 1:1).
            bag.Error(line, col, "a tab is used for indentation; YAML indents with spaces only (replace the tab with spaces)");
            return null;
        }
        catch (YamlException e)
        {
            bag.Error(Line(e.Start), Col(e.Start), $"not valid YAML or JSON: {CleanMessage(e.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner trips its own state checks on some malformed flow collections; it gives no position.
            bag.Error(Line(lastMark), Col(lastMark), "not valid YAML or JSON after this point: check the brackets, braces and commas that follow");
            return null;
        }

        return root;
    }

    private static void Register(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    /// <summary>The first tab in a line's leading whitespace at or after <paramref name="fromLine"/>, 1-based.</summary>
    private static (int Line, int Col)? TabIndent(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = fromLine - 1; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Col(Mark mark) => (int)Math.Max(1, mark.Column);

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic already says where.
    private static string CleanMessage(string message) => MarkPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    private sealed class Frame(YamlNode node, AnchorName anchor)
    {
        public YamlNode Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public YamlNode? PendingKey { get; set; }
    }
}
