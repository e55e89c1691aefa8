using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// The sandbox every template runs in. Auto-escaping happens here, at output: each <c>{{ value }}</c> reaches
/// <see cref="Write(SourceSpan, object)"/> and is HTML-escaped unless it is <see cref="RawHtml"/>; literal
/// template text is written unchanged. CLR objects expose no members, code-evaluating builtins are gone,
/// <c>include</c> goes through the sandboxed loader, and loops, recursion, output size and time are bounded.
/// </summary>
internal sealed class SandboxedTemplateContext : TemplateContext
{
    private readonly TimeZoneInfo _timeZone;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _renderTimeout;
    private readonly DateTimeOffset _deadline;

    /// <param name="now">The run's now (<c>--as-of</c> when given): what <c>date.now</c> returns, on the report zone's clock.</param>
    public SandboxedTemplateContext(HtmlRendererOptions options, TimeZoneInfo timeZone, DateTimeOffset now, ITemplateLoader loader, CancellationToken cancellationToken)
    {
        _timeZone = timeZone;
        _timeProvider = options.TimeProvider;
        _renderTimeout = options.RenderTimeout;
        _deadline = _timeProvider.GetUtcNow() + options.RenderTimeout;

        // No .NET member is reachable from a template: the model is template data (ScriptObject, ScriptArray, the
        // read-only row/cell models, primitives), and anything else (a DateTime, a function object) must not leak
        // properties, methods or types through reflection.
        MemberFilter = static _ => false;
        TemplateLoader = loader;
        LoopLimit = options.LoopLimit;
        LoopLimitQueryable = options.LoopLimit;
        RecursiveLimit = options.RecursiveLimit;
        LimitToString = options.MaxValueChars;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = options.MaxOutputChars;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = options.RegexTimeout;
        StrictVariables = true;
        CancellationToken = cancellationToken;
        NewLine = "\n";
        PushCulture(CultureInfo.InvariantCulture);
        Data.Internal.RunClock.Install(this, now, timeZone);
        LockDownBuiltins((ScriptObject)BuiltinObject);
    }

    public static string TimeoutMessage(TimeSpan timeout) =>
        $"the template ran longer than {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped (HtmlRendererOptions.RenderTimeout)";

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Html);
                return this;
            default:
                Write(HtmlEscaper.Escape(ObjectToString(textAsObject) ?? string.Empty));
                return this;
        }
    }

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        RawHtml raw => raw.Html,
        DateTime dateTime => TemplateValues.FormatDateTime(dateTime, _timeZone, null),
        DateTimeOffset offset => TemplateValues.FormatDateTime(offset, _timeZone, null),
        _ => base.ObjectToString(value, nested),
    };

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        // Checked per iteration as well as through the cancellation token: a fake clock in tests, and no
        // dependence on a timer thread getting scheduled on a busy machine.
        if (_timeProvider.GetUtcNow() > _deadline)
        {
            throw new ScriptRuntimeException(loop.Span, TimeoutMessage(_renderTimeout));
        }

        return base.OnStepLoop(loop);
    }

    private static void LockDownBuiltins(ScriptObject builtins)
    {
        // eval/eval_template would run a string as template code: data holding "{{" must stay text.
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        // include_join returns its text unmarked (it would be escaped twice) and is not part of the documented model.
        builtins.Remove("include_join");
        builtins.Remove("include");
        builtins.SetValue("include", new RawIncludeFunction(), readOnly: true);
    }
}
