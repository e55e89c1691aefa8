using TotangoReports.Fixtures;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary><c>include</c> reads partials from the template's own folder, and nothing else.</summary>
public sealed class IncludeTests
{
    [Fact]
    public async Task Include_RendersPartialFromTheTemplateFolder_EscapingItsDataOnce()
    {
        using var folder = new TempDirectory();
        folder.Write("main.sbn", "<main>{{ include '_row' }}|{{ include 'parts/_cell.sbn' }}</main>");
        folder.Write("_row.sbn", "<b>{{ dataset.rows[0].values.Account }}</b>");
        folder.Write("parts/_cell.sbn", "<i>{{ report.params.region }}</i>");
        var report = HtmlTestKit.WithAccountNames("<script>x</script>").DefinedIn(folder.Path);

        var html = await HtmlTestKit.RenderAsync(report, "main.sbn");

        html.ShouldBe("<main><b>&lt;script&gt;x&lt;/script&gt;</b>|<i>EMEA</i></main>");
    }

    [Theory]
    [InlineData("../secret.sbn")]
    [InlineData("parts/../../secret.sbn")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\secret.sbn")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("./_row.sbn")]
    public async Task Include_RejectsNamesLeavingTheFolder(string name)
    {
        using var outside = new TempDirectory();
        outside.Write("secret.sbn", "s3cr3t-content");
        var folder = Path.Combine(outside.Path, "templates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "main.sbn"), $"{{{{ include '{name.Replace("\\", "\\\\", StringComparison.Ordinal)}' }}}}");
        var report = TestReports.Accounts(1).DefinedIn(folder);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldStartWith(Path.Combine(folder, "main.sbn") + ":1:4: include");
        error.Message.ShouldContain("template's own folder");
        error.Message.ShouldNotContain("s3cr3t-content");
    }

    [Fact]
    public async Task Include_RejectsASymlinkPointingOutsideTheFolder()
    {
        using var outside = new TempDirectory();
        var secret = outside.Write("secret.sbn", "s3cr3t-content");
        var folder = Path.Combine(outside.Path, "templates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "main.sbn"), "{{ include '_link.sbn' }}");
        File.CreateSymbolicLink(Path.Combine(folder, "_link.sbn"), secret);
        var report = TestReports.Accounts(1).DefinedIn(folder);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldContain("outside the template folder");
        error.Message.ShouldNotContain("s3cr3t-content");
    }

    [Fact]
    public async Task Include_RejectsAFileBehindASymlinkedSubfolderPointingOutside()
    {
        using var outside = new TempDirectory();
        outside.Write("elsewhere/secret.sbn", "s3cr3t-content");
        var folder = Path.Combine(outside.Path, "templates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "main.sbn"), "{{ include 'parts/secret.sbn' }}");
        Directory.CreateSymbolicLink(Path.Combine(folder, "parts"), Path.Combine(outside.Path, "elsewhere"));
        var report = TestReports.Accounts(1).DefinedIn(folder);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldContain("outside the template folder");
    }

    [Fact]
    public async Task Include_FollowsASymlinkThatStaysInsideTheFolder()
    {
        using var folder = new TempDirectory();
        var real = folder.Write("_real.sbn", "inside");
        folder.Write("main.sbn", "{{ include '_alias.sbn' }}");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "_alias.sbn"), real);
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var html = await HtmlTestKit.RenderAsync(report, "main.sbn");

        html.ShouldBe("inside");
    }

    [Fact]
    public async Task Include_OfAMissingPartial_NamesItAndTheCallingLine()
    {
        using var folder = new TempDirectory();
        folder.Write("main.sbn", "line one\n  {{ include '_missing' }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn"));

        error.Message.ShouldStartWith(Path.Combine(folder.Path, "main.sbn") + ":2:6: ");
        error.Message.ShouldContain("'_missing.sbn' not found");
    }

    [Fact]
    public async Task Include_OfItself_IsStoppedByTheRecursionLimit_EvenAtTheHighestLimit()
    {
        using var folder = new TempDirectory();
        folder.Write("main.sbn", "{{ include '_loop' }}");
        var partial = folder.Write("_loop.sbn", "x{{ include '_loop' }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "main.sbn", new HtmlRendererOptions { RecursiveLimit = 256 }));

        error.Message.ShouldStartWith(partial + ":1:");
        error.Message.ShouldContain("limit");
    }

    [Fact]
    public async Task DeeplyNestedExpression_IsAParseError_NotACrash()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("deep.sbn", "{{ " + new string('[', 5000) + new string(']', 5000) + " }}");
        var report = TestReports.Accounts(1).DefinedIn(folder.Path);

        var error = await Should.ThrowAsync<RenderException>(() => HtmlTestKit.RenderAsync(report, "deep.sbn"));

        error.Message.ShouldStartWith(file + ":1:");
        error.Message.ShouldContain("depth limit");
    }
}
