using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// Checks the names an expression reads: <c>params.X</c> must be a declared parameter (error), and a bare name
/// should be a column, <c>row</c>, <c>account</c>, <c>params</c> or a Scriban built-in (warning: a typo there
/// would otherwise silently give empty values).
/// </summary>
internal static partial class ExpressionNames
{
    private static readonly HashSet<string> Builtins = new(new TemplateContext().BuiltinObject.Keys, StringComparer.Ordinal)
    {
        "row", "account", "params", "date", "report",
    };

    public static void Check(YamlNode node, string text, string what, DiagnosticBag bag, ColumnScope scope, IReadOnlyCollection<string> parameters, bool warnUnknown = true)
    {
        foreach (Match match in ParamMember().Matches(text))
        {
            var name = match.Groups["d"].Success ? match.Groups["d"] : match.Groups["b"];
            if (!parameters.Contains(name.Value))
            {
                var (line, column) = ExpressionChecker.MapOffset(node, text, name.Index, bag);
                var hint = Suggestions.Hint(name.Value, parameters);
                bag.Error(line, column, $"{what} reads params.{name.Value}, but no parameter '{name.Value}' is declared under parameters{hint}");
            }
        }

        if (!warnUnknown)
        {
            return;
        }

        var template = Template.Parse(text, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly });
        if (template.HasErrors || template.Page is null)
        {
            return;
        }

        var collector = new GlobalCollector();
        template.Page.Accept(collector);
        var bound = Assigned().Matches(text).Select(m => m.Groups["n"].Value).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in collector.Globals)
        {
            var name = variable.Name;
            if (Builtins.Contains(name) || scope.Contains(name) || bound.Contains(name) || !reported.Add(name))
            {
                continue;
            }

            var (line, column) = ExpressionChecker.Map(node, variable.Span.Start.Line, variable.Span.Start.Column, bag);
            var hint = Suggestions.Hint(name, scope.Names.Where(IsIdentifier).Concat(["row", "account", "params"]));
            bag.Warning(line, column, $"{what} reads '{name}', which is not a column, row, account, params or a Scriban built-in{hint}; it will be empty");
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    [GeneratedRegex("""\bparams\s*(?:\.\s*(?<d>[A-Za-z_][A-Za-z0-9_]*)|\[\s*["'](?<b>[^"']*)["']\s*\])""")]
    private static partial Regex ParamMember();

    // Names an expression binds itself: "x = ...", "for x in ...".
    [GeneratedRegex(@"(?:\bfor\s+(?<n>[A-Za-z_]\w*)\s+in\b|\b(?<n>[A-Za-z_]\w*)\s*=(?!=))")]
    private static partial Regex Assigned();

    private sealed class GlobalCollector : ScriptVisitor
    {
        public List<ScriptVariableGlobal> Globals { get; } = [];

        public override void Visit(ScriptVariableGlobal node)
        {
            Globals.Add(node);
            base.Visit(node);
        }

        // In account.stats only "account" is a variable; "stats" is a member name.
        public override void Visit(ScriptMemberExpression node) => node.Target?.Accept(this);
    }
}
