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
    }

    public string Text { get; }

    public Template? Template { get; }

    public string? Error { get; }

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
