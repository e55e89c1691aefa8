using System.Text.Json;
using TotangoReports.Delivery;
using TotangoReports.Tests.Delivery;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Burst;

/// <summary><c>checks:</c> and <c>delivery.email.when</c> (#17) on real runs with a real SMTP server on loopback.</summary>
public sealed class DeliveryRuleTests
{
    private static readonly string NoBurst = BurstKit.Definition.Replace("burst: { by: Owner, to: Owner email }\n", string.Empty, StringComparison.Ordinal);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_CheckFails_HeldNamingTheCheckAndValues_PreviousFilesByteIdentical_NothingMailed()
    {
        // Arrange: a first run writes the files; the second has a check that fails.
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var output = Path.Combine(folder.Path, "out");
        var ct = TestContext.Current.CancellationToken;
        await BurstKit.Engine(smtp).RunAsync(Parse(folder, BurstKit.Definition), Sample(), BurstKit.Options(output), ct);
        var before = Snapshot(output);
        var mailed = smtp.Deliveries.Count;
        var held = Parse(folder, BurstKit.Definition + "\nchecks:\n  - 'rows.accounts > 0'\n  - 'kpis[\"Accounts\"] > 10000'\n");

        // Act
        var error = await Should.ThrowAsync<ReportHeldException>(() => BurstKit.Engine(smtp).RunAsync(held, Sample(), BurstKit.Options(output), ct));

        // Assert
        error.Strict.ShouldBeFalse();
        error.Message.ShouldContain("""check 'kpis["Accounts"] > 10000' failed: kpis["Accounts"] = 500""");
        error.Message.ShouldNotContain("rows.accounts > 0' failed");
        error.Warnings.ShouldHaveSingleItem();
        smtp.Deliveries.Count.ShouldBe(mailed);
        Snapshot(output).ShouldBe(before);
    }

    [Fact]
    public async Task Run_CheckFails_WithForce_DeliversAnyway_WithAWarning()
    {
        // Arrange
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var definition = Parse(folder, NoBurst + "\nchecks: [ 'previous_rows.accounts != null', 'rows.accounts < 10' ]\n");

        // Act
        var result = await BurstKit.Engine(smtp).RunAsync(definition, Sample(), BurstKit.Options(Path.Combine(folder.Path, "out")) with { Force = true }, TestContext.Current.CancellationToken);

        // Assert
        result.EmailSent.ShouldBeTrue();
        smtp.Deliveries.Count.ShouldBe(1);
        result.Manifest.Warnings.ShouldContain(w => w.Contains("check 'previous_rows.accounts != null' failed: previous_rows.accounts = null; delivered anyway (--force)", StringComparison.Ordinal));
        result.Manifest.Warnings.ShouldContain(w => w.Contains("check 'rows.accounts < 10' failed: rows.accounts = 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WhenNotEmpty_ZeroRows_NoMail_FilesWritten_RunJsonSaysWhy()
    {
        // Arrange: a filter no account passes.
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var text = NoBurst
            .Replace("summary:\n", "    filter: 'score > 1000'\nsummary:\n", StringComparison.Ordinal)
            .Replace("body: summary", "body: summary\n    when: not-empty", StringComparison.Ordinal);
        var output = Path.Combine(folder.Path, "out");

        // Act
        var result = await BurstKit.Engine(smtp).RunAsync(Parse(folder, text), Sample(), BurstKit.Options(output), TestContext.Current.CancellationToken);

        // Assert
        result.Report.Datasets[0].Rows.ShouldBeEmpty();
        smtp.Deliveries.ShouldBeEmpty();
        result.EmailSent.ShouldBeFalse();
        File.Exists(Path.Combine(output, "book.xlsx")).ShouldBeTrue();
        result.Manifest.Email!.Status.ShouldBe(ManifestEmail.Skipped);
        var delivery = result.Manifest.Deliveries.ShouldHaveSingleItem();
        delivery.ShouldBe(new ManifestDelivery(null, "vp@example.com", "skipped", "when: not-empty, and the summary dataset 'accounts' has 0 rows"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        manifest.RootElement.GetProperty("deliveries")[0].GetProperty("reason").GetString()!.ShouldContain("not-empty");
    }

    [Fact]
    public async Task Run_WhenNotEmpty_WithRows_Mails()
    {
        // Arrange
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var text = NoBurst.Replace("body: summary", "body: summary\n    when: not-empty", StringComparison.Ordinal);

        // Act
        var result = await BurstKit.Engine(smtp).RunAsync(Parse(folder, text), Sample(), BurstKit.Options(Path.Combine(folder.Path, "out")), TestContext.Current.CancellationToken);

        // Assert
        result.EmailSent.ShouldBeTrue();
        smtp.Deliveries.ShouldHaveSingleItem().Recipients.ShouldBe(["vp@example.com"]);
    }

    private static TotangoReports.Definition.ReportDefinition Parse(TempDirectory folder, string text) =>
        ReportEngine.ParseDefinition(text, Path.Combine(folder.Path, "book.yaml"));

    private static ReportSource Sample() => ReportSource.Sample(accounts: 500, seed: 17);

    /// <summary>Every file under <paramref name="folder"/> with its SHA-256 (the lock file aside).</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".totango-reports.lock")
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
