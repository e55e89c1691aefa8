using System.Diagnostics.CodeAnalysis;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Serves <c>include "name"</c> from the main template's own store only: plain relative names, no <c>..</c>,
/// no absolute or drive paths, no backslashes; the store itself refuses links that lead outside.
/// </summary>
internal sealed class SandboxTemplateLoader(ITemplateStore store) : ITemplateLoader
{
    private readonly Dictionary<string, string> _relativeByDisplay = new(StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var relative = Normalize(templateName, callerSpan);
        var display = store.DisplayPath(relative);
        _relativeByDisplay[display] = relative;
        return display;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        if (!_relativeByDisplay.TryGetValue(templatePath, out var relative))
        {
            throw new ScriptRuntimeException(callerSpan, $"include: unknown template path '{templatePath}'");
        }

        string? text;
        try
        {
            text = store.Read(relative);
        }
        catch (RenderException e)
        {
            throw new ScriptRuntimeException(callerSpan, "include: " + e.Message);
        }
        catch (IOException e)
        {
            throw new ScriptRuntimeException(callerSpan, $"include: cannot read '{relative}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ScriptRuntimeException(callerSpan, $"include: cannot read '{relative}': {e.Message}");
        }

        return text ?? throw new ScriptRuntimeException(callerSpan, $"include: partial '{relative}' not found in the template's folder ({templatePath})");
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));

    /// <summary>Checks an include name and turns it into a '/'-separated relative path, adding <c>.sbn</c> when it has no extension.</summary>
    internal static string Normalize(string templateName, SourceSpan span)
    {
        [DoesNotReturn]
        void Reject(string why) => throw new ScriptRuntimeException(span, $"include '{templateName}': {why}; name a partial in the template's own folder, e.g. include \"_header.sbn\"");

        if (string.IsNullOrWhiteSpace(templateName))
        {
            Reject("empty name");
        }

        if (templateName.Contains('\\', StringComparison.Ordinal) || templateName.Contains(':', StringComparison.Ordinal) || templateName.Contains('\0', StringComparison.Ordinal))
        {
            Reject("backslashes, colons and drive letters are not allowed");
        }

        if (templateName.StartsWith('/') || Path.IsPathRooted(templateName))
        {
            Reject("absolute paths are not allowed");
        }

        var segments = templateName.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            Reject("'..', '.' and empty path segments are not allowed");
        }

        var relative = string.Join('/', segments);
        return Path.HasExtension(segments[^1]) ? relative : relative + ".sbn";
    }
}
