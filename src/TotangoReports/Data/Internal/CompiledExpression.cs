using Scriban;

namespace TotangoReports.Data.Internal;

/// <summary>One expression parsed once (Scriban, script-only mode) and evaluated per row; <see cref="Error"/> when it can't be parsed.</summary>
internal sealed class CompiledExpression
{
    private CompiledExpression(string text, Template? template, string? error)
    {
        Text = text;
        Template = template;
        Error = error;
        // The common case, one expression: evaluated directly, without the per-call set-up of a whole page.
        if (template?.Page?.Body is { Statements.Count: 1 } body && body.Statements[0] is Scriban.Syntax.ScriptExpressionStatement statement)
        {
            Single = statement.Expression;
        }
    }

    public string Text { get; }

    public Template? Template { get; }

    public string? Error { get; }

    /// <summary>The expression itself when the text is a single expression statement.</summary>
    public Scriban.Syntax.ScriptExpression? Single { get; }

    public static CompiledExpression Compile(string text)
    {
        var template = Template.Parse(text, null, null, new Scriban.Parsing.LexerOptions { Mode = Scriban.Parsing.ScriptMode.ScriptOnly });
        if (template.HasErrors)
        {
            var messages = string.Join("; ", template.Messages.Select(m => m.Message));
            return new CompiledExpression(text, null, $"can't parse '{text}': {messages}");
        }

        return new CompiledExpression(text, template, null);
    }
}
