namespace TotangoReports.Definition;

/// <summary>The JSON Schema (draft 2020-12) of report definitions, as shipped inside the library.</summary>
internal static class DefinitionSchema
{
    private const string ResourceName = "schema/report-definition.schema.json";

    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The schema text, for <c>totango-reports schema</c> and editors.</summary>
    public static string Json => Text.Value;

    private static string ReadResource()
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource '{ResourceName}' is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
