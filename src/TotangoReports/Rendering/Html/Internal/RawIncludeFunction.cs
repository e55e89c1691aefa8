using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Scriban's <c>include</c>, whose result is marked raw: the partial escaped its own data values while it
/// rendered, so escaping its output again would show <c>&amp;lt;</c> on the page.
/// </summary>
internal sealed class RawIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _inner = new();

    public int RequiredParameterCount => _inner.RequiredParameterCount;

    public int ParameterCount => _inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(_inner.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await _inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static RawHtml Wrap(object? rendered) => rendered switch
    {
        null => RawHtml.Empty,
        RawHtml raw => raw,
        string text => new RawHtml(text),
        _ => new RawHtml(rendered.ToString() ?? string.Empty),
    };
}
