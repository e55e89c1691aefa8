using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using TotangoReports.Definition;
using TotangoReports.Definition.Internal;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Strict checking of a parsed template against the documented model (<see cref="TemplateShape"/>), without data:
/// a variable that is neither in the model, a function, a builtin nor assigned by the template (<c>reprot.title</c>),
/// and a member the model does not have (<c>report.titel</c>), are errors at template:line:col with a "did you mean".
/// <c>validate</c> and <c>run</c> both go through it, so what validates also renders.
/// </summary>
internal sealed class TemplateChecker
{
    // Scriban answers these on any value.
    private static readonly string[] UniversalMembers = ["empty", "empty?", "size"];

    // The loop objects: for.index, while.index, tablerow.col.
    private static readonly string[] LoopObjects = ["for", "while", "tablerow"];

    private static readonly Lazy<IReadOnlyList<string>> Builtins = new(() =>
        [.. new TemplateContext().BuiltinObject.GetMembers(), "include"]);

    private readonly string _display;
    private readonly HashSet<string> _declared;
    private readonly HashSet<string> _known;
    private readonly Dictionary<string, TemplateShape> _bound = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _problems = [];
    private int _openScopes;

    private TemplateChecker(string display, HashSet<string> declared)
    {
        _display = display;
        _declared = declared;
        _known = new HashSet<string>(TemplateShape.Globals.Keys, StringComparer.Ordinal);
        _known.UnionWith(new TemplateFunctions(TimeZoneInfo.Utc).ToScriptObject().Keys);
        _known.UnionWith(Builtins.Value);
        _known.UnionWith(LoopObjects);
        _known.UnionWith(declared);
    }

    /// <summary>
    /// The names <paramref name="page"/> assigns, loops over, defines as functions or parameters: visible to the
    /// template and to its partials.
    /// </summary>
    public static IEnumerable<string> DeclaredNames(ScriptNode? page)
    {
        foreach (var node in Descendants(page))
        {
            switch (node)
            {
                case ScriptAssignExpression { Target: ScriptVariable v }:
                    yield return v.Name;
                    break;
                case ScriptForStatement { Variable: ScriptVariable v }:
                    yield return v.Name;
                    break;
                case ScriptCaptureStatement { Target: ScriptVariable v }:
                    yield return v.Name;
                    break;
                case ScriptFunction function:
                    if (function.NameOrDoToken is ScriptVariable name)
                    {
                        yield return name.Name;
                    }

                    foreach (var parameter in function.Parameters ?? [])
                    {
                        if (parameter.Name is { } parameterName)
                        {
                            yield return parameterName.Name;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The literal names of <c>include "name"</c> calls, for checking partials too.</summary>
    public static IEnumerable<(string Name, SourceSpan Span)> Includes(ScriptNode? page) =>
        Descendants(page)
            .OfType<ScriptFunctionCall>()
            .Where(c => c.Target is ScriptVariable { Name: "include" } && c.Arguments.Count > 0 && c.Arguments[0] is ScriptLiteral { Value: string })
            .Select(c => ((string)((ScriptLiteral)c.Arguments[0]).Value!, c.Span));

    /// <param name="declared">Every name the template and its partials declare (see <see cref="DeclaredNames"/>).</param>
    public static IReadOnlyList<Diagnostic> Check(Template template, string display, IEnumerable<string> declared)
    {
        var checker = new TemplateChecker(display, new HashSet<string>(declared, StringComparer.Ordinal));
        checker.Visit(template.Page);
        return checker._problems;
    }

    private static IEnumerable<ScriptNode> Descendants(ScriptNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        var stack = new Stack<ScriptNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            for (var i = current.ChildrenCount - 1; i >= 0; i--)
            {
                if (current.GetChildren(i) is { } child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private void Visit(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptVariable or ScriptMemberExpression or ScriptIndexerExpression:
                Shape((ScriptExpression)node);
                return;
            case ScriptAssignExpression assign:
                if (assign.Target is not ScriptVariable)
                {
                    Shape(assign.Target);
                }

                Visit(assign.Value);
                return;
            case ScriptForStatement loop:
                VisitLoop(loop);
                return;
            case ScriptFunction function:
                Visit(function.Body);
                return;
            case ScriptCaptureStatement capture:
                Visit(capture.Body);
                return;
            case ScriptNamedArgument named:
                Visit(named.Value);
                return;
            case ScriptObjectMember member:
                Visit(member.Value);
                return;
            case ScriptWithStatement with:
                // Inside "with obj" the object's members read as variables: names can't be checked there.
                Visit(with.Name);
                _openScopes++;
                Visit(with.Body);
                _openScopes--;
                return;
            default:
                for (var i = 0; i < node.ChildrenCount; i++)
                {
                    Visit(node.GetChildren(i));
                }

                return;
        }
    }

    private void VisitLoop(ScriptForStatement loop)
    {
        var items = Shape(loop.Iterator);
        var name = (loop.Variable as ScriptVariable)?.Name;
        var shadowed = name is not null && _bound.TryGetValue(name, out var previous) ? previous : null;
        if (name is not null)
        {
            _bound[name] = items.Element ?? TemplateShape.Open;
        }

        for (var i = 0; i < loop.ChildrenCount; i++)
        {
            var child = loop.GetChildren(i);
            if (!ReferenceEquals(child, loop.Variable) && !ReferenceEquals(child, loop.Iterator))
            {
                Visit(child);
            }
        }

        if (name is not null)
        {
            if (shadowed is null)
            {
                _bound.Remove(name);
            }
            else
            {
                _bound[name] = shadowed;
            }
        }
    }

    /// <summary>The shape <paramref name="expression"/> evaluates to, reporting unknown variables and members on the way.</summary>
    private TemplateShape Shape(ScriptExpression? expression)
    {
        switch (expression)
        {
            case ScriptVariable variable:
                if (variable.Scope != ScriptVariableScope.Global)
                {
                    return TemplateShape.Open;
                }

                if (_bound.TryGetValue(variable.Name, out var bound))
                {
                    return bound;
                }

                if (!_known.Contains(variable.Name) && _openScopes == 0)
                {
                    Report(variable.Span, $"unknown variable '{variable.Name}'{Suggestions.Hint(variable.Name, _known.Concat(_bound.Keys))}; a template sees report, summary, dataset, datasets, charts, the functions in templates/README.md and the variables it assigns");
                    return TemplateShape.Open;
                }

                // A template may assign over a model name; then it is its own value.
                return !_declared.Contains(variable.Name) && TemplateShape.Globals.TryGetValue(variable.Name, out var global) ? global : TemplateShape.Open;
            case ScriptMemberExpression member:
                var target = Shape(member.Target);
                var name = member.Member?.Name ?? string.Empty;
                if (target.Members is not { } members || UniversalMembers.Contains(name, StringComparer.Ordinal))
                {
                    return TemplateShape.Open;
                }

                if (members.TryGetValue(name, out var shape))
                {
                    return shape;
                }

                Report(member.Member?.Span ?? member.Span, $"{target.Name} has no member '{name}'{Suggestions.Hint(name, members.Keys)} (it has {string.Join(", ", members.Keys)})");
                return TemplateShape.Open;
            case ScriptIndexerExpression indexer:
                var list = Shape(indexer.Target);
                Visit(indexer.Index);
                return list.Element ?? TemplateShape.Open;
            default:
                Visit(expression);
                return TemplateShape.Open;
        }
    }

    private void Report(SourceSpan span, string message) =>
        _problems.Add(new Diagnostic(TemplateErrors.Location(span, _display), message));
}
