using Scriban.Runtime;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Html.Internal;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Safety;

/// <summary>
/// Issue 14 item 4: templates are checked strictly against the documented model in validate and run alike; an
/// unknown variable or member is an error at template:line:col with a "did you mean".
/// </summary>
public sealed class StrictTemplateTests
{
    [Theory]
    [InlineData("<h1>{{ reprot.title }}</h1>", "custom.sbn:3:8: unknown variable 'reprot' — did you mean 'report'?")]
    [InlineData("<h1>{{ report.titel }}</h1>", "custom.sbn:3:15: report has no member 'titel' — did you mean 'title'?")]
    [InlineData("{{ for row in dataset.rows }}{{ row.acount_id }}{{ end }}", "custom.sbn:3:37: a row has no member 'acount_id' — did you mean 'account_id'?")]
    [InlineData("{{ for c in datasets[0].columns }}{{ c.nmae }}{{ end }}", "custom.sbn:3:40: a column has no member 'nmae' — did you mean 'name'?")]
    [InlineData("{{ dataset.summary.average_scor }}", "custom.sbn:3:20: dataset.summary has no member 'average_scor' — did you mean 'average_score'?")]
    public async Task Typo_InATemplate_FailsValidateAndRun_AtTemplateLineCol_WithAHint(string line, string expected)
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = WithCustomTemplate(cli, $"<!-- custom -->\n<p>ok</p>\n{line}\n");

        // Act
        var validate = await cli.RunAsync("validate", definition);
        var run = await cli.RunAsync("run", definition, "--sample", "--format", "html");

        // Assert
        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Out.ShouldContain(expected);
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(expected);
        Directory.Exists(cli.PathOf("out")).ShouldBeFalse();
    }

    [Fact]
    public async Task Partial_WithATypo_FailsValidate_AtThePartialsLine()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = WithCustomTemplate(cli, "{{ include \"_head\" }}\n");
        File.WriteAllText(cli.PathOf("_head.sbn"), "<title>\n{{ report.descripton }}</title>");

        // Act
        var result = await cli.RunAsync("validate", definition);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldContain("_head.sbn:2:11: report has no member 'descripton' — did you mean 'description'?");
    }

    [Fact]
    public async Task Template_UsingAssignedVariablesLoopsFunctionsBuiltinsAndPartials_Validates_AndRenders()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = WithCustomTemplate(cli, """
            {{ shown = 0 }}{{ func twice(x) }}{{ ret x * 2 }}{{ end }}
            {{ for row in dataset.rows | array.limit 3 }}{{ for cell in row.cells }}{{ cell.text }}{{ end }}{{ row.values["Account"] }} {{ for.index }}{{ shown = shown + 1 }}{{ end }}
            {{ include "_part" }} {{ twice 2 }} {{ report.params.region }} {{ report.generated_at | format_date }} {{ dataset.rows.size }} {{ dataset.groups.empty? }}
            {{ capture note }}n{{ end }}{{ note | string.upcase }}
            """);
        File.WriteAllText(cli.PathOf("_part.sbn"), "<p>{{ shown }} shown of {{ dataset.row_count | format_number }}</p>");

        // Act
        var validate = await cli.RunAsync("validate", definition);
        var run = await cli.RunAsync("run", definition, "--sample", "--format", "html", "--quiet");

        // Assert
        validate.ExitCode.ShouldBe(0, validate.ToString());
        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(cli.PathOf("out", "weekly-usage.html")).ShouldContain("<p>3 shown of 700</p>");
    }

    [Theory]
    [InlineData("exec-summary")]
    [InlineData("accounts")]
    public async Task BuiltInTemplates_CopiedByTemplatesInit_ValidateStrictly(string name)
    {
        // Arrange
        using var cli = new CliHarness();
        (await cli.RunAsync("templates", "init", "tpl")).ExitCode.ShouldBe(0);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("template: exec-summary", $"template: tpl/{name}.sbn", StringComparison.Ordinal));

        // Act
        var result = await cli.RunAsync("validate", definition);

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public void Shape_HasEveryMemberTheModelBuilds_AndNoOther()
    {
        // Arrange: a report with groups, users and lifecycle, so every part of the model is built.
        var report = TestReports.Accounts(rows: 3);

        // Act
        var model = TemplateModel.Build(report, report.Datasets[0], new HtmlRendererOptions());

        // Assert
        foreach (var (name, shape) in TemplateShape.Globals)
        {
            Compare(name, model[name], shape);
        }

        model.Keys.Order(StringComparer.Ordinal).ShouldBe(TemplateShape.Globals.Keys.Order(StringComparer.Ordinal));
    }

    private static void Compare(string path, object? value, TemplateShape shape)
    {
        switch (value)
        {
            case ScriptArray array when shape.Element is { } element:
                if (array.Count > 0)
                {
                    Compare(path + "[0]", array[0], element);
                }

                break;
            case IScriptObject obj when shape.Members is { } members:
                obj.GetMembers().Order(StringComparer.Ordinal).ShouldBe(members.Keys.Order(StringComparer.Ordinal), path);
                foreach (var member in obj.GetMembers())
                {
                    obj.TryGetValue(null, default, member, out var child);
                    Compare(path + "." + member, child, members[member]);
                }

                break;
            case null:
                break;
            default:
                shape.Members.ShouldBeNull(path + " is a value in the model but an object in TemplateShape");
                break;
        }
    }

    private static string WithCustomTemplate(CliHarness cli, string template)
    {
        File.WriteAllText(cli.PathOf("custom.sbn"), template);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("template: exec-summary", "template: custom.sbn", StringComparison.Ordinal));
        return definition;
    }
}
