using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>Template mistakes come back as <c>template-file:line:col: message</c>, never as a stack trace.</summary>
public sealed class TemplateErrorTests
{
    [Fact]
    public async Task SyntaxError_IsReportedAtItsFileLineAndColumn()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("custom.sbn", "<h1>{{ report.title }}</h1>\n<p>{{ for row in }}</p>");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "custom.sbn"));

        error.Message.ShouldStartWith(file + ":2:");
        error.Location!.Value.File.ShouldBe(file);
        error.Location.Value.Line.ShouldBe(2);
        error.Message.ShouldContain("for");
    }

    [Fact]
    public async Task RuntimeError_InAPartial_PointsIntoThePartial()
    {
        using var folder = new TempDirectory();
        folder.Write("main.sbn", "{{ include '_part.sbn' }}");
        var partial = folder.Write("_part.sbn", "fine\nfine\n   {{ no_such_variable }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldStartWith(partial + ":3:7: ");
        error.Message.ShouldContain("no_such_variable");
    }

    [Fact]
    public async Task SyntaxError_InAPartial_PointsIntoThePartial()
    {
        using var folder = new TempDirectory();
        folder.Write("main.sbn", "{{ include '_part.sbn' }}");
        var partial = folder.Write("_part.sbn", "\n{{ if }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldStartWith(partial + ":2:");
    }

    [Fact]
    public async Task UnknownTemplate_NamesTheBuiltInsAndTheMissingPath()
    {
        using var folder = new TempDirectory();
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "exec-sumary"));

        error.Message.ShouldContain("accounts, exec-summary");
        error.Message.ShouldContain(Path.Combine(folder.Path, "exec-sumary"));
    }

    [Fact]
    public async Task UnknownDataset_IsReportedWithTheDatasetsThereAre()
    {
        var report = TestReports.Accounts(1);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "accounts", dataset: "acounts"));

        error.Message.ShouldContain("'acounts' not found");
        error.Message.ShouldContain("accounts");
    }

    [Fact]
    public void FailingHelper_IsReportedAtTheCall()
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "x\n{{ format_number 1 '" + new string('0', 100) + "' }}"));

        error.Message.ShouldStartWith("snippet.sbn:2:");
        error.Message.ShouldContain("longer than");
    }

    [Fact]
    public async Task TemplatePath_ResolvesAgainstTheDefinitionFolder()
    {
        using var folder = new TempDirectory();
        folder.Write("sub/mine.sbn", "title={{ report.title }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var html = await HtmlTestKit.RenderAsync(report, "sub/mine.sbn");

        html.ShouldBe("title=" + TestReports.Definition().Title);
        new OutputDefinition { Format = OutputFormat.Html, File = "x" }.Template.ShouldBeNull();
    }
}
