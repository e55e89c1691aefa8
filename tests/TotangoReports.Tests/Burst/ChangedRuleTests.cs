using TotangoReports.Delivery;
using TotangoReports.Sample;
using TotangoReports.Tests.Delivery;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Burst;

/// <summary>
/// <c>when: changed</c> and <c>previous_rows</c> (#17) against the real SQLite store beside the definition: a live-like
/// run (own source, so the store is used) per step, the same data unless a parameter drops one account.
/// </summary>
public sealed class ChangedRuleTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static readonly string Changed = BurstKit.Definition
        .Replace("title: Book of business\n", "title: Book of business\nparameters:\n  drop: { default: none }\n", StringComparison.Ordinal)
        .Replace("summary:\n", "    filter: 'id != params.drop'\nsummary:\n", StringComparison.Ordinal)
        .Replace("body: summary", "body: summary\n    when: changed", StringComparison.Ordinal);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_WhenChanged_MailsOnlyTheScopesWhoseRowsChanged_SinceTheLastDeliveredRun()
    {
        // Arrange
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var engine = BurstKit.Engine(smtp);
        var definition = ReportEngine.ParseDefinition(Changed, Path.Combine(folder.Path, "book.yaml"));
        var output = Path.Combine(folder.Path, "out");
        var ct = TestContext.Current.CancellationToken;

        // Act: first run, the same again, then one account of owner7 left out.
        await engine.RunAsync(definition, Own(), Options(output), ct);
        var first = smtp.Deliveries.Count;
        var same = await engine.RunAsync(definition, Own(), Options(output), ct);
        var second = smtp.Deliveries.Count;
        var dropped = await engine.RunAsync(definition, Own(), Options(output) with { Parameters = new Dictionary<string, string> { ["drop"] = "a10007" } }, ct);

        // Assert
        first.ShouldBe(51);
        second.ShouldBe(first);
        same.Manifest.Deliveries.ShouldAllBe(d => d.Status == "skipped" && d.Reason!.StartsWith("when: changed, and the rows equal those of the last delivered run", StringComparison.Ordinal));
        same.Manifest.Email!.Status.ShouldBe(ManifestEmail.Skipped);
        File.Exists(Path.Combine(output, same.Manifest.Bursts![0].Folder, "book.csv")).ShouldBeTrue();
        smtp.Deliveries.Skip(second).SelectMany(d => d.Recipients).Order(StringComparer.Ordinal).ShouldBe(["csm7@example.com", "vp@example.com"]);
        dropped.Manifest.Deliveries.Count(d => d.Status == "sent").ShouldBe(2);
        dropped.Manifest.Deliveries.Count(d => d.Status == "skipped").ShouldBe(49);
    }

    [Fact]
    public async Task Run_CheckOnPreviousRows_ReadsTheLastDeliveredRun_HoldsWhenRowsDrop()
    {
        // Arrange: no more than 0 rows may go missing since the last delivered run.
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        var text = Changed.Replace("    when: changed", string.Empty, StringComparison.Ordinal).Replace("burst: { by: Owner, to: Owner email }\n", string.Empty, StringComparison.Ordinal)
            + "\nchecks: [ 'previous_rows.accounts == null || rows.accounts >= previous_rows.accounts' ]\n";
        var definition = ReportEngine.ParseDefinition(text, Path.Combine(folder.Path, "book.yaml"));
        var output = Path.Combine(folder.Path, "out");
        var ct = TestContext.Current.CancellationToken;

        // Act
        await BurstKit.Engine(smtp).RunAsync(definition, Own(), Options(output), ct);
        var error = await Should.ThrowAsync<ReportHeldException>(() => BurstKit.Engine(smtp).RunAsync(definition, Own(), Options(output) with { Parameters = new Dictionary<string, string> { ["drop"] = "a10007" } }, ct));

        // Assert
        error.Message.ShouldContain("failed: previous_rows.accounts = 500, rows.accounts = 499");
        smtp.Deliveries.Count.ShouldBe(1);
    }

    private static RunOptions Options(string output) => new() { OutputDirectory = output };

    /// <summary>The sample accounts as a caller's own source (not "sample": the run uses the store), dated from one fixed instant.</summary>
    private static ReportSource Own() => ReportSource.From(new SampleActiveListSource(new SampleSourceOptions { Accounts = 500, Seed = 17, Epoch = Epoch }), "own");
}
