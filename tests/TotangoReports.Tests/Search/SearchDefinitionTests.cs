using TotangoReports.Definition;

namespace TotangoReports.Tests.Search;

/// <summary><c>source: search</c> datasets in the definition: what binds, and each mistake reported where it is.</summary>
public sealed class SearchDefinitionTests
{
    private static DefinitionParseResult Parse(string dataset) => DefinitionLoader.Parse(
        $"""
        title: Search
        datasets:
          renewals:
        {string.Join('\n', dataset.Split('\n').Select(l => "    " + l))}
        outputs:
          - {"{"} format: csv, file: out.csv {"}"}
        """,
        "s.yaml");

    private static string Errors(DefinitionParseResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    [Fact]
    public void SearchDataset_BindsTermsAndFields_AsTheApiTakesThem()
    {
        var result = Parse("""
            source: search
            terms: [ { type: string, term: status_group, in_list: [paying] }, { type: number_attribute, attribute: ARR, gte: 1000 } ]
            fields:
              - { name: CSM, type: string_attribute, attribute: Success Manager }
              - { name: ARR, type: number_attribute, attribute: Contract Value, field_display_name: Contract }
            sort_by: display_name
            sort_order: DESC
            count: 250
            columns:
              - { name: CSM, path: fields.CSM }
            """);

        result.Success.ShouldBeTrue(Errors(result));
        var search = result.Definition!.Datasets[0].Search.ShouldNotBeNull();
        search.Entity.ShouldBe(SearchEntity.Accounts);
        search.TermsJson.ShouldBe("""[{"type":"string","term":"status_group","in_list":["paying"]},{"type":"number_attribute","attribute":"ARR","gte":1000}]""");
        search.Fields.Select(f => f.Name).ShouldBe(["CSM", "ARR"]);
        search.Fields[0].SpecJson.ShouldBe("""{"type":"string_attribute","attribute":"Success Manager","field_display_name":"CSM"}""");
        search.Fields[1].SpecJson.ShouldBe("""{"type":"number_attribute","attribute":"Contract Value","field_display_name":"Contract"}""");
        search.Count.ShouldBe(250);
        search.Descending.ShouldBeTrue();
        search.SortBy.ShouldBe("display_name");
    }

    [Theory]
    [InlineData("source: search\ncolumns: [ { name: A, path: name } ]", "needs 'terms'")]
    [InlineData("source: search\nterms: []\ncount: 5000\ncolumns: [ { name: A, path: name } ]", "at most 1000")]
    [InlineData("source: search\nlist: 1\nterms: []\ncolumns: [ { name: A, path: name } ]", "remove 'list'")]
    [InlineData("source: search\nterms: [ paying ]\ncolumns: [ { name: A, path: name } ]", "a term must be a map with a 'type'")]
    [InlineData("source: search\nterms: [ { term: health } ]\ncolumns: [ { name: A, path: name } ]", "a term needs 'type'")]
    [InlineData("source: search\nterms: []\nfields: [ { type: health_trend } ]\ncolumns: [ { name: A, path: name } ]", "a field needs 'name'")]
    [InlineData("source: search\nterms: []\nfields: [ { name: A, type: x }, { name: A, type: y } ]\ncolumns: [ { name: A, path: name } ]", "used twice")]
    [InlineData("source: search\nterms: []\ncolumns: [ { name: A, path: stats.last_activity } ]", "no 'stats' data")]
    [InlineData("source: serach\nterms: []\ncolumns: [ { name: A, path: name } ]", "did you mean 'search'")]
    [InlineData("source: search\nentity: people\nterms: []\ncolumns: [ { name: A, path: name } ]", "entity must be one of")]
    [InlineData("list: 1\nterms: []\ncolumns: [ { name: A, path: name } ]", "'terms' applies to a Search API dataset only")]
    public void SearchMistake_IsAnErrorSayingWhatToDo(string dataset, string expected)
    {
        var result = Parse(dataset);

        result.Success.ShouldBeFalse();
        Errors(result).ShouldContain(expected);
        result.Diagnostics.ShouldAllBe(d => d.Location.File == "s.yaml" && d.Location.Line > 0);
    }

    [Fact]
    public void SearchDataset_ValidatesAgainstTheJsonSchema_AndAListKeyOnItDoesNot()
    {
        const string Valid = """
            title: S
            datasets:
              r:
                source: search
                terms: []
                fields: [ { name: CSM, type: string_attribute, attribute: Success Manager } ]
                columns: [ { name: CSM, path: fields.CSM } ]
            outputs: [ { format: csv, file: r.csv } ]
            """;

        Definition.SchemaValidator.EvaluateYaml(Valid).IsValid.ShouldBeTrue();
        Definition.SchemaValidator.EvaluateYaml(Valid.Replace("terms: []", "terms: []\n    list: 1", StringComparison.Ordinal)).IsValid.ShouldBeFalse();
        Definition.SchemaValidator.EvaluateYaml(Valid.Replace("    terms: []\n", string.Empty, StringComparison.Ordinal)).IsValid.ShouldBeFalse();
    }
}
