using Scriban;
using Scriban.Parsing;
using YamlDotNet.Core;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// Syntax-checks Scriban expressions and templates written in a definition, and reports Scriban's errors at the
/// position in the YAML/JSON file, not at the position inside the expression.
/// </summary>
internal static class ExpressionChecker
{
    /// <summary>An expression (<c>expr</c>, <c>filter</c>, aggregates): Scriban code without <c>{{ }}</c>.</summary>
    public static bool CheckExpression(YamlNode node, string text, string what, DiagnosticBag bag)
    {
        if (text.Trim().Length == 0)
        {
            bag.Error(node, $"{what} is empty");
            return false;
        }

        return Check(node, text, what, bag, new LexerOptions { Mode = ScriptMode.ScriptOnly }, "expression");
    }

    /// <summary>A text template with <c>{{ }}</c> (file names, email subject).</summary>
    public static bool CheckTemplate(YamlNode node, string text, string what, DiagnosticBag bag) =>
        Check(node, text, what, bag, LexerOptions.Default, "template");

    private static bool Check(YamlNode node, string text, string what, DiagnosticBag bag, LexerOptions lexer, string kind)
    {
        Template template;
        try
        {
            template = Template.Parse(text, lexerOptions: lexer);
        }
#pragma warning disable CA1031 // Scriban's parser is not documented to throw; if it does, that is a bad expression, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            bag.Error(node, $"{what} is not a valid Scriban {kind}: {e.Message}");
            return false;
        }

        // Scriban's later errors mostly echo the first one; the first is the one to fix.
        var first = template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error);
        if (first is null)
        {
            return true;
        }

        var (line, column) = Map(node, first.Span.Start.Line, first.Span.Start.Column, bag);
        bag.Error(line, column, $"{what} is not a valid Scriban {kind}: {first.Message}");
        return false;
    }

    /// <summary>Maps a 0-based character offset inside a scalar's value to a 1-based file position.</summary>
    public static (int Line, int Column) MapOffset(YamlNode node, string text, int offset, DiagnosticBag bag)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0)
        {
            lineStart = 0;
        }

        var line = text.AsSpan(0, lineStart).Count('\n');
        return Map(node, line, offset - lineStart, bag);
    }

    /// <summary>Maps a 0-based line/column inside a scalar's value to a 1-based file position.</summary>
    public static (int Line, int Column) Map(YamlNode node, int line, int column, DiagnosticBag bag)
    {
        line = Math.Max(0, line);
        column = Math.Max(0, column);
        switch (node.Style)
        {
            case ScalarStyle.Literal or ScalarStyle.Folded:
                // A block scalar's text starts on the next line, after its indentation.
                var fileLine = node.Line + 1 + line;
                var lineText = bag.LineText(fileLine);
                var indent = lineText.Length - lineText.TrimStart(' ').Length;
                return (fileLine, indent + column + 1);
            default:
                var quote = node.IsQuoted ? 1 : 0;
                return line == 0 ? (node.Line, node.Column + quote + column) : (node.Line + line, column + 1);
        }
    }
}
