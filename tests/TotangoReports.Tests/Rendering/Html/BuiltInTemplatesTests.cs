using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

public sealed class BuiltInTemplatesTests
{
    [Fact]
    public void Names_AreTheUsableTemplates_WithoutPartials()
    {
        BuiltInTemplates.Names.ShouldBe(["accounts", "exec-summary"]);
    }

    [Fact]
    public void CopyTo_WritesTheSameFilesAsTheRepositoryTemplatesFolder()
    {
        using var target = new TempDirectory();

        BuiltInTemplates.CopyTo(target.Path, overwrite: false);

        var source = Path.Combine(RepositoryRoot(), "templates");
        var templates = Directory.GetFiles(source, "*.sbn", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f)).ToList();
        var copied = Directory.GetFiles(target.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target.Path, f)).ToList();
        templates.ShouldNotBeEmpty();
        copied.ShouldBeSubsetOf(Directory.GetFiles(source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f)));
        templates.ShouldBeSubsetOf(copied);
        foreach (var file in copied)
        {
            File.ReadAllText(Path.Combine(target.Path, file)).ShouldBe(File.ReadAllText(Path.Combine(source, file)), file);
        }
    }

    [Fact]
    public void CopyTo_WithoutOverwrite_RefusesAndLeavesExistingFilesAlone()
    {
        using var target = new TempDirectory();
        var mine = target.Write("accounts.sbn", "my own");

        var error = Should.Throw<IOException>(() => BuiltInTemplates.CopyTo(target.Path, overwrite: false));

        error.Message.ShouldContain(mine);
        File.ReadAllText(mine).ShouldBe("my own");
        File.Exists(Path.Combine(target.Path, "exec-summary.sbn")).ShouldBeFalse();
    }

    [Fact]
    public void CopyTo_WithOverwrite_ReplacesExistingFiles()
    {
        using var target = new TempDirectory();
        var mine = target.Write("accounts.sbn", "my own");

        BuiltInTemplates.CopyTo(target.Path, overwrite: true);

        File.ReadAllText(mine).ShouldContain("<table class=\"accounts\"");
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("exec-summary")]
    public async Task CopiedTemplate_RendersExactlyLikeTheBuiltIn(string name)
    {
        using var target = new TempDirectory();
        BuiltInTemplates.CopyTo(target.Path, overwrite: false);
        var report = TestReports.Accounts(20).DefinedIn(target.Path);

        var builtIn = await HtmlTestKit.RenderAsync(report, name);
        var copied = await HtmlTestKit.RenderAsync(report, name + ".sbn");

        copied.ShouldBe(builtIn);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TotangoReports.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root (TotangoReports.sln) not found above " + AppContext.BaseDirectory);
    }
}
