using System.Diagnostics;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Runs alone: the memory bound reads the process's allocation counter, which tests running beside it would raise
/// (two attacks failed that way once the suite grew, each passing when run by itself).
/// </summary>
[CollectionDefinition(nameof(TemplateAttackTests), DisableParallelization = true)]
public sealed class TemplateAttacksRunAlone;

/// <summary>
/// The hostile template corpus end to end: <c>run --sample</c> with a custom template, at the product's default
/// limits. Each attack ends with exit 2 and a <c>template:line:col</c> message, within a time and memory bound, and
/// leaves no output file. (The renderer-level cases, with lowered limits, are in Rendering/Html/SandboxTests.)
/// </summary>
[Trait("Category", "Slow")]
[Collection(nameof(TemplateAttackTests))]
public sealed class TemplateAttackTests
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(40);
    private const long MemoryBound = 1L << 30;

    public static TheoryData<string, string, string> Attacks() => new()
    {
        { "file access by include", "<p>ok</p>\n{{ include '/etc/passwd' }}", "evil.sbn:2:" },
        { "include outside the folder", "<p>ok</p>\n{{ include '../outside.sbn' }}", "evil.sbn:2:" },
        { "include through a symlink", "<p>ok</p>\n{{ include 'link.sbn' }}", "evil.sbn:2:" },
        { "include of itself", "{{ include 'evil.sbn' }}", "evil.sbn:1:" },
        { "object.eval", "{{ 'report' | object.eval }}", "evil.sbn:1:" },
        { "object.eval_template", "\n{{ '{{ 6 * 7 }}' | object.eval_template }}", "evil.sbn:2:" },
        { "reflection through a function call", "{{ report.GetType() }}", "evil.sbn:1:" },
        { "infinite while", "<p>\n{{ while true }}x{{ end }}", "evil.sbn:2:" },
        { "unbounded recursion", "{{ func f(x); ret f(x); end; f(1) }}", "evil.sbn:1:" },
        { "1 GB output below the per-value limit (GHSA-m2p3)", "{{ x = '' | string.pad_left 1048575 }}{{ for i in 1..1000 }}{{ x }}{{ end }}", "evil.sbn:1:" },
        { "huge range through a builtin (GHSA-c875)", "{{ (1..1000000000) | array.size }}", "evil.sbn:1:" },
        { "string multiplication (GHSA-c875)", "{{ 'aaaaaaaaaa' * 1000000000 }}", "evil.sbn:1:" },
        { "catastrophic regex", "{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}", "evil.sbn:1:" },
        { "deep nesting", "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}", "evil.sbn:1:" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Run_WithHostileTemplate_ExitsTwoWithItsLocation_InBoundedTimeAndMemory_AndNoOutput(string attack, string template, string location)
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.PathOf("report.yaml");
        var text = await File.ReadAllTextAsync(Definition.RepoFiles.PathOf("sample-config", "weekly-usage.yaml"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(definition, text.Replace("template: exec-summary", "template: templates/evil.sbn", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Directory.CreateDirectory(cli.PathOf("templates"));
        await File.WriteAllTextAsync(cli.PathOf("templates", "evil.sbn"), template, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf("outside.sbn"), "SECRET-OUTSIDE", TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(cli.PathOf("templates", "link.sbn"), cli.PathOf("outside.sbn"));
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--sample", "--format", "html", "--no-email", "--out", "out");

        // Assert
        clock.Stop();
        TestContext.Current.SendDiagnosticMessage($"{attack}: {clock.Elapsed.TotalSeconds:0.0} s, {(GC.GetTotalAllocatedBytes() - allocatedBefore) >> 20} MB allocated: {result.Error.Trim()}");
        result.ExitCode.ShouldBe(2, $"{attack}\n{result}");
        result.Error.ShouldContain(location, Case.Sensitive, result.ToString());
        result.Error.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        (result.Out + result.Error).ShouldNotContain("SECRET-OUTSIDE");
        (result.Out + result.Error).ShouldNotContain("root:");
        clock.Elapsed.ShouldBeLessThan(TimeBound, attack);
        (GC.GetTotalAllocatedBytes() - allocatedBefore).ShouldBeLessThan(MemoryBound, attack);
        var written = Directory.Exists(cli.PathOf("out")) ? Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories) : [];
        written.ShouldBeEmpty("no partial output");
    }
}
