using System.Globalization;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Burst;

/// <summary>The CLI side of #17: exit 6 naming who did not get the mail, <c>resend OUT</c>, exit 7 for a failed check, <c>--force</c>.</summary>
public sealed class BurstCliTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_RecipientsFile_OneMailboxRefusing_ExitsSixNamingIt_ThenResendExitsZeroOnce()
    {
        // Arrange: owners 0..48 mapped in a CSV (owner49 is not), csm3's mailbox refusing.
        await using var smtp = LoopbackSmtpServer.Start();
        smtp.Refused["csm3@example.com"] = true;
        using var cli = Arrange(smtp);
        var mapping = "owner,addresses\n" + string.Join("\n", Enumerable.Range(0, 49).Select(i => string.Create(CultureInfo.InvariantCulture, $"owner{i},csm{i}@example.com")));
        await File.WriteAllTextAsync(cli.PathOf("owners.csv"), mapping, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf("book.yaml"), BurstKit.Definition.Replace("burst: { by: Owner, to: Owner email }", "burst: { by: Owner, recipients: owners.csv }", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        // Act
        var run = await cli.RunAsync("run", cli.PathOf("book.yaml"), "--sample", "--send-sample-mail");
        smtp.Refused.Clear();
        var resend = await cli.RunAsync("resend", cli.PathOf("out"));
        var again = await cli.RunAsync("resend", cli.PathOf("out"));

        // Assert
        run.ExitCode.ShouldBe(6, run.ToString());
        run.Error.ShouldContain("the mail was not accepted by 1 recipient(s): csm3@example.com (owner3)");
        run.Error.ShouldContain($"'totango-reports resend {cli.PathOf("out")}' sends it to them only");
        run.Error.ShouldContain("burst: 1 value(s) have no recipient in owners.csv, so their reports were written but not mailed: 'owner49'");
        resend.ExitCode.ShouldBe(0, resend.ToString());
        resend.Out.ShouldContain("resent to 1 recipient(s)");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("nothing to resend");
        var received = smtp.Deliveries.SelectMany(d => d.Recipients).ToList();
        received.Count.ShouldBe(50);
        received.ShouldBeUnique();
        received.ShouldNotContain("csm49@example.com");
    }

    [Fact]
    public async Task Run_FailedCheck_ExitsSeven_NamingTheCheckAndItsValue_AndForceDelivers()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        await File.AppendAllTextAsync(definition, "\nchecks:\n  - 'rows.accounts > 1000'\n", TestContext.Current.CancellationToken);

        // Act
        var held = await cli.RunAsync("run", definition, "--sample", "--format", "csv");
        var forced = await cli.RunAsync("run", definition, "--sample", "--format", "csv", "--force");

        // Assert
        held.ExitCode.ShouldBe(7, held.ToString());
        held.Error.ShouldContain("check 'rows.accounts > 1000' failed: rows.accounts = 700");
        held.Error.ShouldContain("--force delivers anyway");
        held.Error.ShouldNotContain("   at ");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        forced.Error.ShouldContain("failed: rows.accounts = 700; delivered anyway (--force)");
        File.Exists(cli.PathOf("out", "run.json")).ShouldBeTrue();
    }

    private static CliHarness Arrange(LoopbackSmtpServer smtp)
    {
        var cli = new CliHarness();
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        cli.Variables["Smtp__MaxRetries"] = "0";
        return cli;
    }
}
