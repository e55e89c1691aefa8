using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>Turns Scriban's parse and runtime errors into <see cref="RenderException"/>s printed as <c>template-file:line:col: message</c>.</summary>
internal static class TemplateErrors
{
    public static SourceLocation Location(SourceSpan span, string fallbackFile) => new(
        string.IsNullOrEmpty(span.FileName) ? fallbackFile : span.FileName,
        span.Start.Line + 1,
        span.Start.Column + 1);

    public static RenderException FromParse(Template template, string file)
    {
        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
        var first = errors[0];
        var more = errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more error{(errors.Count > 2 ? "s" : string.Empty)})") : string.Empty;
        return new RenderException(Location(first.Span, file), first.Message + more);
    }

    public static RenderException FromRuntime(ScriptRuntimeException exception, string file)
    {
        if (exception is ScriptParserRuntimeException parse && parse.ParserMessages.Count > 0)
        {
            // A partial that does not parse: point at the partial's own line, not at the include.
            var first = parse.ParserMessages.First(m => m.Type == ParserMessageType.Error);
            return new RenderException(Location(first.Span, file), first.Message);
        }

        return new RenderException(Location(exception.Span, file), exception.OriginalMessage);
    }
}
