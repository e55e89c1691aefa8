using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// The one type check <c>validate</c> can make before any data is seen: a comparison between a column of a known
/// type (number, date, date-time) and a text literal. Scriban compares a date with "2027-01-01" as text or not at
/// all, so such a filter silently selects the wrong rows; here it is an error at its position with the fix.
/// </summary>
internal static class ExpressionTypes
{
    public static void Check(YamlNode node, string text, string what, DiagnosticBag bag, IReadOnlyDictionary<string, ColumnType> types)
    {
        if (types.Count == 0)
        {
            return;
        }

        var template = Template.Parse(text, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly });
        if (template.HasErrors)
        {
            return;
        }

        Walk(template.Page, node, text, what, bag, types);
    }

    private static void Walk(ScriptNode? current, YamlNode node, string text, string what, DiagnosticBag bag, IReadOnlyDictionary<string, ColumnType> types)
    {
        if (current is null)
        {
            return;
        }

        if (current is ScriptBinaryExpression { Operator: ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual or ScriptBinaryOperator.CompareLess or ScriptBinaryOperator.CompareLessOrEqual or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareGreaterOrEqual } binary)
        {
            Compare(binary.Left, binary.Right, node, text, what, bag, types);
            Compare(binary.Right, binary.Left, node, text, what, bag, types);
        }

        for (var i = 0; i < current.ChildrenCount; i++)
        {
            Walk(current.GetChildren(i), node, text, what, bag, types);
        }
    }

    private static void Compare(ScriptNode? column, ScriptNode? other, YamlNode node, string text, string what, DiagnosticBag bag, IReadOnlyDictionary<string, ColumnType> types)
    {
        if (other is not ScriptLiteral { Value: string literal } || ColumnName(column) is not { } name || !types.TryGetValue(name, out var type))
        {
            return;
        }

        var fix = type switch
        {
            ColumnType.Number => $"compare with a number (without quotes: {literal})",
            ColumnType.Date or ColumnType.DateTime => $"compare with a date: date.parse \"{literal}\"",
            _ => null,
        };
        if (fix is null)
        {
            return;
        }

        var kind = type switch { ColumnType.Number => "a number", ColumnType.Date => "a date", _ => "a date-time" };
        var (line, col) = ExpressionChecker.MapOffset(node, text, OffsetOf(text, column!.Span.Start), bag);
        bag.Error(line, col, $"{what} compares column '{name}', {kind}, with the text \"{literal}\", which never compares as intended; {fix}");
    }

    private static string? ColumnName(ScriptNode? node) => node switch
    {
        ScriptVariableGlobal global => global.Name,
        ScriptIndexerExpression { Target: ScriptVariableGlobal { Name: "row" }, Index: ScriptLiteral { Value: string key } } => key,
        _ => null,
    };

    private static int OffsetOf(string text, TextPosition position)
    {
        var offset = 0;
        for (var line = 0; line < position.Line && offset < text.Length; line++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        return Math.Min(text.Length, offset + position.Column);
    }
}
