using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary><see cref="HtmlRenderer.CheckTemplate"/>: what <c>validate</c> can say about an html output without data.</summary>
public sealed class CheckTemplateTests
{
    private static readonly SourceLocation OutputLine = new("weekly.yaml", 31, 5);

    [Theory]
    [InlineData(null)]
    [InlineData("exec-summary")]
    [InlineData("accounts")]
    public void BuiltInTemplates_HaveNoProblems(string? template)
    {
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "x.html", Template = template, Location = OutputLine };

        HtmlRenderer.CheckTemplate(TestReports.Definition(), output).ShouldBeEmpty();
    }

    [Fact]
    public void MissingTemplate_IsReportedAtTheOutput()
    {
        using var folder = new TempDirectory();
        var definition = TestReports.Accounts(1).DefinedIn(folder.Path).Definition;
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "x.html", Template = "nope.sbn", Location = OutputLine };

        var problems = HtmlRenderer.CheckTemplate(definition, output);

        problems.Count.ShouldBe(1);
        problems[0].Location.ShouldBe(OutputLine);
        problems[0].ToString().ShouldStartWith("weekly.yaml:31:5: template 'nope.sbn' is neither a built-in");
    }

    [Fact]
    public void SyntaxErrors_AreReportedAtTheTemplateLines()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("mine.sbn", "ok\n{{ if }}\n{{ for x in }}{{ end }}");
        var definition = TestReports.Accounts(1).DefinedIn(folder.Path).Definition;
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "x.html", Template = "mine.sbn", Location = OutputLine };

        var problems = HtmlRenderer.CheckTemplate(definition, output);

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Location.File == file && p.IsError);
        problems[0].Location.Line.ShouldBe(2);
    }
}
