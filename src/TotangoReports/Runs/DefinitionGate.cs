using TotangoReports.Definition;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Runs;

/// <summary>
/// Where definitions enter a run: checked against the formats this build renders and the templates it ships, html
/// templates included, so a definition that passes here renders.
/// </summary>
internal static class DefinitionGate
{
    private static readonly DefinitionLoadOptions LoadOptions = new()
    {
        AvailableFormats = ReportRenderers.Default().Formats,
        BuiltInTemplateExists = name => BuiltInTemplates.Names.Contains(name, StringComparer.Ordinal),
    };

    public static DefinitionParseResult Validate(string path) => WithTemplates(DefinitionLoader.Load(path, LoadOptions));

    public static DefinitionParseResult ValidateText(string text, string fileName) => WithTemplates(DefinitionLoader.Parse(text, fileName, LoadOptions));

    /// <summary>The definition, or a <see cref="ReportInputException"/> listing every error as <c>file:line:col: message</c>.</summary>
    public static ReportDefinition Require(DefinitionParseResult result)
    {
        if (!result.Success)
        {
            throw new ReportInputException(ReportInputError.InvalidDefinition, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)));
        }

        return result.Definition!;
    }

    private static DefinitionParseResult WithTemplates(DefinitionParseResult result)
    {
        if (result.Definition is not { } definition)
        {
            return result;
        }

        var templates = definition.Outputs
            .Where(o => o.Format == OutputFormat.Html)
            .SelectMany(o => HtmlRenderer.CheckTemplate(definition, o))
            .ToList();
        return templates.Count == 0 ? result : new DefinitionParseResult(definition, [.. result.Diagnostics, .. templates]);
    }
}
