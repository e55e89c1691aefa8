using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>Definitions that are wrong in ways both the JSON Schema (editors) and the parser (validate) must refuse.</summary>
public sealed class BrokenDefinitionTests
{
    private const string Valid = """
        title: Broken
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
        outputs:
          - { format: xlsx, file: out.xlsx }
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "missing title", "title: Broken\n", string.Empty },
        { "unknown top-level key", "title: Broken", "title: Broken\nsubtitle: x" },
        { "unknown dataset key", "    list: 1", "    list: 1\n    colour: red" },
        { "list is a word", "list: 1", "list: abc" },
        { "bad endpoint", "    list: 1", "    list: 1\n    endpoint: future" },
        { "recent without since", "    list: 1", "    list: 1\n    endpoint: recent" },
        { "bad since", "    list: 1", "    list: 1\n    endpoint: recent\n    since: soon" },
        { "bad return", "    list: 1", "    list: 1\n    return: [everything]" },
        { "column with path and expr", "{ name: Account, path: name }", "{ name: Account, path: name, expr: '1' }" },
        { "column with neither", "{ name: Account, path: name }", "{ name: Account }" },
        { "column without name", "{ name: Account, path: name }", "{ path: name }" },
        { "bad column type", "{ name: Account, path: name }", "{ name: Account, path: name, type: money }" },
        { "limit zero", "    list: 1", "    list: 1\n    limit: 0" },
        { "limit text", "    list: 1", "    list: 1\n    limit: many" },
        { "unknown window", "    list: 1", "    list: 1\n    activities: { windows: [past_2days] }" },
        { "group without by", "    list: 1", "    list: 1\n    group: { aggregates: { n: count } }" },
        { "no datasets", "datasets:\n  accounts:\n    list: 1\n    columns:\n      - { name: Account, path: name }\n", "datasets: {}\n" },
        { "no outputs", "  - { format: xlsx, file: out.xlsx }", "  []" },
        { "bad format", "format: xlsx", "format: docx" },
        { "output without file", "{ format: xlsx, file: out.xlsx }", "{ format: xlsx }" },
        { "template on xlsx", "file: out.xlsx", "file: out.xlsx, template: accounts" },
        { "bad page size", "file: out.xlsx", "file: out.xlsx, page_size: A3" },
        { "rows zero", "file: out.xlsx", "file: out.xlsx, rows: 0" },
        { "rows negative", "file: out.xlsx", "file: out.xlsx, rows: -5" },
        { "rows text", "file: out.xlsx", "file: out.xlsx, rows: many" },
        { "rows fraction", "file: out.xlsx", "file: out.xlsx, rows: 2.5" },
        { "email without to", "title: Broken", "title: Broken\ndelivery: { email: { subject: hi } }" },
        { "bad address", "title: Broken", "title: Broken\ndelivery: { email: { to: [nobody] } }" },
        { "bad body", "title: Broken", "title: Broken\ndelivery: { email: { to: a@example.com, body: pdf } }" },
        { "parameters as list", "title: Broken", "title: Broken\nparameters: [a]" },
        { "columns as map", "    columns:\n      - { name: Account, path: name }", "    columns: { name: Account, path: name }" },
    };

    [Fact]
    public void TheValidBase_PassesBoth()
    {
        DefinitionLoader.Parse(Valid, "ok.yaml").Diagnostics.ShouldBeEmpty();
        SchemaValidator.EvaluateYaml(Valid).IsValid.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_IsRefusedByTheSchemaAndByTheParser(string why, string find, string replace)
    {
        Valid.ShouldContain(find);
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);

        var parsed = DefinitionLoader.Parse(yaml, "broken.yaml");
        var schema = SchemaValidator.EvaluateYaml(yaml);

        parsed.Success.ShouldBeFalse(why);
        parsed.Diagnostics.ShouldContain(d => d.IsError && d.Location.Line > 0, why);
        schema.IsValid.ShouldBeFalse(why);
    }
}
