using System.Diagnostics;
using System.Text;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class DefinitionLoaderTests
{
    private const string Yaml = """
        title: Weekly usage
        description: For the exec team
        timezone: Europe/London
        parameters:
          region: { default: EMEA, description: Region to show }
          top: 10
        datasets:
          accounts:
            list: 1004
            columns:
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number, format: "0" }
              - { name: Plan type, path: 'attributes["Plan Type"]' }
              - { name: Users 30d, path: stats.users.past_30d.all }
              - { name: Ratio, expr: 'row["Users 30d"] / 2' }
            activities: { names: [create-task], windows: [past_1d, past_30d] }
            filter: Score < 50
            sort: [-Score, Account]
            limit: 20
            group: { by: Account, aggregates: { Accounts: count, Avg: avg(Score) } }
        outputs:
          - { format: xlsx, file: weekly.xlsx }
          - { format: html, file: weekly.html, template: exec-summary }
          - { format: pdf, file: weekly.pdf, page_size: Letter, author: CS team }
        delivery:
          email: { to: [a@example.com], cc: b@example.com, subject: "Usage {{ date }}", attach: [pdf] }
        """;

    private const string Json = """
        {
          "title": "Weekly usage",
          "description": "For the exec team",
          "timezone": "Europe/London",
          "parameters": { "region": { "default": "EMEA", "description": "Region to show" }, "top": 10 },
          "datasets": {
            "accounts": {
              "list": 1004,
              "columns": [
                { "name": "Account", "path": "name" },
                { "name": "Score", "path": "engagement.score.current", "type": "number", "format": "0" },
                { "name": "Plan type", "path": "attributes[\"Plan Type\"]" },
                { "name": "Users 30d", "path": "stats.users.past_30d.all" },
                { "name": "Ratio", "expr": "row[\"Users 30d\"] / 2" }
              ],
              "activities": { "names": ["create-task"], "windows": ["past_1d", "past_30d"] },
              "filter": "Score < 50",
              "sort": ["-Score", "Account"],
              "limit": 20,
              "group": { "by": "Account", "aggregates": { "Accounts": "count", "Avg": "avg(Score)" } }
            }
          },
          "outputs": [
            { "format": "xlsx", "file": "weekly.xlsx" },
            { "format": "html", "file": "weekly.html", "template": "exec-summary" },
            { "format": "pdf", "file": "weekly.pdf", "page_size": "Letter", "author": "CS team" }
          ],
          "delivery": { "email": { "to": ["a@example.com"], "cc": "b@example.com", "subject": "Usage {{ date }}", "attach": ["pdf"] } }
        }
        """;

    [Fact]
    public void Parse_Yaml_FillsTheModel()
    {
        var result = DefinitionLoader.Parse(Yaml, "weekly.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var definition = result.Definition!;
        definition.Title.ShouldBe("Weekly usage");
        definition.TimeZone.ShouldBe("Europe/London");
        definition.Parameters["region"].ShouldBe(new ParameterDefinition("region", "EMEA", "Region to show"));
        definition.Parameters["top"].Default.ShouldBe("10");
        var dataset = definition.Datasets.ShouldHaveSingleItem();
        dataset.Name.ShouldBe("accounts");
        dataset.List.ShouldBe("1004");
        dataset.Endpoint.ShouldBe(ListEndpoint.Current);
        dataset.Columns.Select(c => c.Name).ShouldBe(["Account", "Score", "Plan type", "Users 30d", "Ratio"]);
        dataset.Columns[1].Type.ShouldBe(ColumnType.Number);
        dataset.Columns[1].Format.ShouldBe("0");
        dataset.Columns[2].Path.ShouldBe("attributes[\"Plan Type\"]");
        dataset.Columns[4].Expr.ShouldBe("row[\"Users 30d\"] / 2");
        dataset.Activities!.Windows.ShouldBe(["past_1d", "past_30d"]);
        dataset.Filter.ShouldBe("Score < 50");
        dataset.Sort.ShouldBe(["-Score", "Account"]);
        dataset.Limit.ShouldBe(20);
        dataset.Group!.Aggregates.ShouldBe([new("Accounts", "count"), new("Avg", "avg(Score)")]);
        dataset.Return.ShouldBe([ReturnType.Stats]);
        definition.Outputs.Select(o => o.Format).ShouldBe([OutputFormat.Xlsx, OutputFormat.Html, OutputFormat.Pdf]);
        definition.Outputs[2].PageSize.ShouldBe(PageSize.Letter);
        var email = definition.Delivery!.Email!;
        email.To.ShouldBe(["a@example.com"]);
        email.Cc.ShouldBe(["b@example.com"]);
        email.Body.ShouldBe("html");
        email.Attach.ShouldBe([OutputFormat.Pdf]);
    }

    [Fact]
    public void Parse_JsonAndYaml_GiveTheSameModel()
    {
        var fromYaml = DefinitionLoader.Parse(Yaml, "weekly.yaml").Definition!;
        var fromJson = DefinitionLoader.Parse(Json, "weekly.json").Definition!;

        Describe(fromJson).ShouldBe(Describe(fromYaml));
    }

    [Fact]
    public void Parse_JsonIndentedWithTabs_IsRead()
    {
        var json = Json.Replace("  ", "\t", StringComparison.Ordinal);

        var result = DefinitionLoader.Parse(json, "tabs.json");

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Datasets[0].Columns.Count.ShouldBe(5);
    }

    [Fact]
    public void Parse_Json_ReportsLineAndColumnOfAMistake()
    {
        var json = Json.Replace("\"limit\": 20", "\"limit\": \"twenty\"", StringComparison.Ordinal);

        var result = DefinitionLoader.Parse(json, "weekly.json");

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Location.Line.ShouldBe(19);
        diagnostic.Location.Column.ShouldBe(16);
        diagnostic.Message.ShouldContain("positive whole number");
    }

    [Fact]
    public void Parse_RecordsSourceLocations()
    {
        var result = DefinitionLoader.Parse(Yaml, "weekly.yaml");

        var dataset = result.Definition!.Datasets[0];
        dataset.Location.ShouldBe(new SourceLocation("weekly.yaml", 8, 3));
        dataset.Columns[1].Location.ShouldBe(new SourceLocation("weekly.yaml", 12, 9));
        dataset.KeyLocations["filter"].ShouldBe(new SourceLocation("weekly.yaml", 17, 13));
        dataset.Activities!.Location.Line.ShouldBe(16);
        dataset.Group!.Location.Line.ShouldBe(20);
        result.Definition.Outputs[1].Location.ShouldBe(new SourceLocation("weekly.yaml", 23, 5));
    }

    [Fact]
    public void Parse_ThreeMistakesOnThreeLines_ListsAllThreeInOrder()
    {
        const string text = """
            title: Three mistakes
            datasets:
              accounts:
                list: 1
                colums:
                  - { name: Account, path: name }
                limit: -3
            outputs:
              - { format: xlxs, file: out.xlsx }
            """;

        var result = DefinitionLoader.Parse(text, "three.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "three.yaml:5:5: unknown key 'colums' in dataset 'accounts' — did you mean 'columns'?",
            "three.yaml:7:12: limit must be a positive whole number, found '-3'",
            "three.yaml:9:15: format must be one of xlsx, pdf, html, csv, found 'xlxs'; did you mean 'xlsx'?",
        ]);
    }

    [Fact]
    public void Parse_MisspelledRequiredKeys_AreReportedOnceEach()
    {
        const string text = """
            titel: Typos
            datasets:
              accounts: { lsit: 1, columns: [{ name: A, path: name }] }
            outptus: [{ format: xlsx, file: out.xlsx }]
            """;

        var result = DefinitionLoader.Parse(text, "typos.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "typos.yaml:1:1: unknown key 'titel' in a report definition — did you mean 'title'?",
            "typos.yaml:3:15: unknown key 'lsit' in dataset 'accounts' — did you mean 'list'?",
            "typos.yaml:4:1: unknown key 'outptus' in a report definition — did you mean 'outputs'?",
        ]);
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsTheParserPosition()
    {
        const string text = "title: x\ndatasets:\n  a: [1, 2\noutputs: []\n";

        var result = DefinitionLoader.Parse(text, "bad.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldStartWith("not valid YAML or JSON", customMessage: diagnostic.ToString());
        diagnostic.Message.ShouldNotContain("Idx:");
        diagnostic.Location.Line.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsTheParserPosition()
    {
        const string text = "{\n  \"title\": \"x\",\n  \"datasets\": { \"a\": { \"list\": 1 } \n  \"outputs\": []\n}";

        var result = DefinitionLoader.Parse(text, "bad.json");

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.ToString().ShouldStartWith("bad.json:4:3: not valid JSON: ");
        diagnostic.Message.ShouldContain("','");
    }

    [Fact]
    public void Parse_BillionLaughs_FailsFastWithADiagnostic()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append(CultureInfo($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
        }

        var clock = Stopwatch.StartNew();
        var result = DefinitionLoader.Parse(text.ToString(), "bomb.yaml");
        clock.Stop();

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("expands to more than 100000 nodes");
        // Not a speed assertion: expanding 10^10 nodes would never finish, so any bound proves no expansion happened.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Parse_DeepNesting_IsRefusedWithoutRecursion()
    {
        var text = "title: " + new string('[', 10_000) + new string(']', 10_000);

        var result = DefinitionLoader.Parse(text, "deep.yaml");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("nests deeper than 64 levels");
    }

    [Fact]
    public void Parse_AliasesWithinLimits_AreExpanded()
    {
        const string text = """
            title: Aliases
            datasets:
              a: &ds
                list: 1
                columns: [{ name: Account, path: name }]
              b: *ds
            outputs: [{ format: xlsx, file: out.xlsx }]
            """;

        var result = DefinitionLoader.Parse(text, "alias.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Datasets.Select(d => d.Name).ShouldBe(["a", "b"]);
        result.Definition.Datasets[1].Columns.ShouldHaveSingleItem().Path.ShouldBe("name");
    }

    [Fact]
    public void Parse_MergeKeys_ShareSettingsAndLetTheMapOverride()
    {
        const string text = """
            title: Merge
            datasets:
              current: &base
                list: 7
                columns: [{ name: Account, path: name }]
                limit: 5
              joined:
                <<: *base
                endpoint: recent
                since: 7d
                limit: 9
            outputs: [{ format: xlsx, file: out.xlsx }]
            """;

        var result = DefinitionLoader.Parse(text, "merge.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var joined = result.Definition!.Datasets[1];
        joined.List.ShouldBe("7");
        joined.Endpoint.ShouldBe(ListEndpoint.Recent);
        joined.Limit.ShouldBe(9);
        joined.Columns.ShouldHaveSingleItem().Name.ShouldBe("Account");
        result.Definition.Datasets[0].Limit.ShouldBe(5);
    }

    [Fact]
    public void Parse_TwoDocuments_IsAnError()
    {
        var result = DefinitionLoader.Parse("title: a\n---\ntitle: b\n", "two.yaml");

        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("two.yaml:2:1: a definition file holds one document; remove the second '---'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyFile_SaysSo(string text)
    {
        var result = DefinitionLoader.Parse(text, "empty.yaml");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("the file is empty");
    }

    [Fact]
    public void Parse_TopLevelList_AsksForAMap()
    {
        var result = DefinitionLoader.Parse("- a\n- b\n", "list.yaml");

        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("list.yaml:1:1: a report definition must be a map (key: value), found a list");
    }

    [Fact]
    public void Load_MissingFile_IsOneDiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");

        var result = DefinitionLoader.Load(path);

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Location.File.ShouldBe(path);
        diagnostic.Message.ShouldContain("file not found");
    }

    [Fact]
    public void Load_Folder_IsOneDiagnostic()
    {
        var result = DefinitionLoader.Load(Path.GetTempPath());

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("is a folder");
    }

    [Fact]
    public void Load_File_NamesItInDiagnosticsAndKeepsTheFullPath()
    {
        var dir = Directory.CreateTempSubdirectory("def-load-");
        try
        {
            var path = Path.Combine(dir.FullName, "weekly.yaml");
            File.WriteAllText(path, Yaml);

            var result = DefinitionLoader.Load(path);

            result.Diagnostics.ShouldBeEmpty();
            result.Definition!.SourcePath.ShouldBe(path);
            result.Definition.BaseDirectory.ShouldBe(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_IgnoresTheSchemaKey()
    {
        var text = "$schema: ../schema/report-definition.schema.json\n" + Yaml;

        DefinitionLoader.Parse(text, "weekly.yaml").Diagnostics.ShouldBeEmpty();
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    // A structural fingerprint of the model, independent of how it was written.
    private static string Describe(ReportDefinition d) => System.Text.Json.JsonSerializer.Serialize(new
    {
        d.Title,
        d.Description,
        d.TimeZone,
        Parameters = d.Parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
        Datasets = d.Datasets.Select(s => new
        {
            s.Name, s.List, s.Endpoint, s.Since, s.Return, s.Filter, s.Sort, s.Limit,
            Columns = s.Columns.Select(c => new { c.Name, c.Path, c.Expr, c.Type, c.Format }),
            Activities = s.Activities is null ? null : new { s.Activities.Names, s.Activities.Windows },
            Group = s.Group is null ? null : new { s.Group.By, s.Group.Aggregates },
        }),
        Outputs = d.Outputs.Select(o => new { o.Format, o.File, o.Template, o.Dataset, o.PageSize, o.Author, o.Logo }),
        Email = d.Delivery?.Email is { } e ? new { e.To, e.Cc, e.Bcc, e.Subject, e.Body, e.Attach } : null,
    });
}
