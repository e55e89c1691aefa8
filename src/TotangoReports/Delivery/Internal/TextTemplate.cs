using System.Globalization;
using Scriban;
using Scriban.Runtime;
using TotangoReports.Data;

namespace TotangoReports.Delivery.Internal;

/// <summary>
/// The small text templates of delivery (file names, mail subjects): <c>{{ date }}</c>, <c>{{ time }}</c>,
/// <c>{{ report.title }}</c>, <c>{{ params.NAME }}</c>, <c>{{ burst.value }}</c>. Plain data only; nothing of .NET is reachable.
/// </summary>
internal static class TextTemplate
{
    public static string Render(string text, Report report, string what)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            throw new FormatException($"{what} '{text}': {string.Join("; ", template.Messages)}");
        }

        var local = report.GeneratedAtLocal;
        var globals = new ScriptObject
        {
            ["date"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = local.ToString("HHmm", CultureInfo.InvariantCulture),
            ["report"] = new ScriptObject { ["title"] = report.Title, ["description"] = report.Definition.Description },
            ["burst"] = new ScriptObject { ["value"] = report.BurstValue },
        };
        var parameters = new ScriptObject();
        foreach (var (name, value) in report.Parameters)
        {
            parameters[name] = value;
        }

        globals["params"] = parameters;
        var context = new TemplateContext
        {
            StrictVariables = false,
            LoopLimit = 100,
            RecursiveLimit = 10,
            LimitToString = 1000,
            MemberRenamer = member => member.Name,
            MemberFilter = _ => false,
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new FormatException($"{what} '{text}': {ex.OriginalMessage}", ex);
        }
    }
}
