using System.Text.Json.Nodes;
using Json.Schema;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>Validates definitions against the shipped JSON Schema with an independent validator (JsonSchema.Net).</summary>
internal static class SchemaValidator
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(DefinitionSchema.Json);

    public static EvaluationResults Evaluate(JsonNode? instance) =>
        Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });

    public static EvaluationResults EvaluateYaml(string yaml) => Evaluate(YamlToJson.Convert(yaml));

    public static string Describe(EvaluationResults results) =>
        string.Join("; ", results.Details.Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
}
