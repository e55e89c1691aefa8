using System.Text.Json.Nodes;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class SchemaTests
{
    [Fact]
    public void Json_IsTheSchemaFileShippedInTheRepository()
    {
        var onDisk = File.ReadAllText(RepoFiles.PathOf("schema", "report-definition.schema.json"));

        DefinitionSchema.Json.ShouldBe(onDisk);
    }

    [Fact]
    public void Json_IsADraft2020_12Schema()
    {
        var schema = JsonNode.Parse(DefinitionSchema.Json)!;

        schema["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["title", "datasets", "outputs"]);
    }

    [Fact]
    public void Schema_AcceptsTheProductExampleInJson()
    {
        var json = JsonNode.Parse("""
            {
              "$schema": "../schema/report-definition.schema.json",
              "title": "t",
              "datasets": { "a": { "list": "1004", "endpoint": "past", "since": 1356912000,
                "columns": [ { "name": "A", "path": "name" }, { "name": "B", "expr": "row[\"A\"]" } ],
                "activities": { "names": ["login"], "windows": ["past_1d"] },
                "sort": "-A", "limit": 5, "group": { "by": "A", "aggregates": { "n": "count" } } } },
              "outputs": [ { "format": "html", "file": "x.html", "template": "accounts" } ],
              "delivery": { "email": { "to": "a@example.com", "attach": "html" } }
            }
            """);

        var results = SchemaValidator.Evaluate(json);

        results.IsValid.ShouldBeTrue(SchemaValidator.Describe(results));
    }
}
