namespace TotangoReports.Rendering.Html.Internal;

/// <summary>The built-in templates shipped inside the library.</summary>
internal sealed class EmbeddedTemplateStore : ITemplateStore
{
    public static readonly EmbeddedTemplateStore Instance = new();

    public string DisplayPath(string relativePath) => BuiltInTemplates.ResourcePrefix + relativePath;

    public string? Read(string relativePath) => BuiltInTemplates.ReadResource(relativePath);
}
