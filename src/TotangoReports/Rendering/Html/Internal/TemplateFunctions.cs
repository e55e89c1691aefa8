using System.Collections;
using Scriban;
using Scriban.Runtime;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>The helper functions of the template model (documented in templates/README.md).</summary>
internal sealed class TemplateFunctions(TimeZoneInfo timeZone)
{
    private static readonly string[] SafeSchemes = ["http://", "https://", "mailto:"];

    public ScriptObject ToScriptObject()
    {
        var functions = new ScriptObject();
        Add(functions, "raw", new Func<TemplateContext, object?, RawHtml>(Raw));
        Add(functions, "format_number", new Func<object?, string?, string>(FormatNumber));
        Add(functions, "format_percent", new Func<object?, int, string>(FormatPercent));
        Add(functions, "format_date", new Func<object?, string?, string>(FormatDate));
        Add(functions, "format_datetime", new Func<object?, string?, string>(FormatDateTime));
        Add(functions, "sparkline", new Func<object?, int, int, RawHtml>(DrawSparkline));
        Add(functions, "safe_url", new Func<object?, string>(SafeUrl));
        return functions;
    }

    private static void Add(ScriptObject target, string name, Delegate function) =>
        target.SetValue(name, DynamicCustomFunction.Create(function.Target, function.Method), readOnly: true);

    private static RawHtml Raw(TemplateContext context, object? value) => value switch
    {
        null => RawHtml.Empty,
        RawHtml raw => raw,
        _ => new RawHtml(context.ObjectToString(value) ?? string.Empty),
    };

    private static string FormatNumber(object? value, string? format = null) => TemplateValues.FormatNumber(value, format);

    private static string FormatPercent(object? value, int decimals = 0) => TemplateValues.FormatPercent(value, decimals);

    private string FormatDate(object? value, string? format = null) =>
        TemplateValues.FormatDateTime(value, timeZone, string.IsNullOrEmpty(format) ? TemplateValues.DefaultDateFormat : format);

    private string FormatDateTime(object? value, string? format = null) =>
        TemplateValues.FormatDateTime(value, timeZone, string.IsNullOrEmpty(format) ? TemplateValues.DefaultDateTimeFormat : format);

    private static RawHtml DrawSparkline(object? values, int width = 120, int height = 24)
    {
        var numbers = values is IEnumerable sequence and not string
            ? sequence.Cast<object?>().Select(TemplateValues.ToNumber)
            : [];
        return Sparkline.Draw(numbers, width, height);
    }

    /// <summary>The URL when it is http(s) or mailto; otherwise empty, so data can never inject <c>javascript:</c> into an href.</summary>
    private static string SafeUrl(object? value)
    {
        var text = (value as string ?? string.Empty).Trim();
        return SafeSchemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ? text : string.Empty;
    }
}
