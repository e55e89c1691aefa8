using System.Globalization;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Safety;

/// <summary>
/// Issue 14 item 6: configuration and argument mistakes exit with their own code and a plain message naming what to
/// change, before anything is fetched; never exit 1 with raw .NET text.
/// </summary>
public sealed class ExitCodeTests
{
    private const string Token = "exit-code-token";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mail_ServerWithoutStartTls_ExitsSix_WithTheUseTlsHint_AndNoVerboseHint(bool verbose)
    {
        // Arrange: a plain-text server, and TLS left at its default (STARTTLS required).
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = new CliHarness();
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        string[] args = ["run", definition, "--sample", "--send-sample-mail", "--format", "html"];

        // Act
        var result = await cli.RunAsync(verbose ? [.. args, "--verbose"] : args);

        // Assert
        result.ExitCode.ShouldBe(6, result.ToString());
        result.Error.ShouldContain("STARTTLS");
        result.Error.ShouldContain("Smtp:UseTls=false");
        result.Error.ShouldNotContain("run with --verbose");
        smtp.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Out_NamingAFile_ExitsTwo_BeforeAnythingIsFetched()
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = LiveCli(emulator);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        File.WriteAllText(cli.PathOf("report.txt"), "not a folder");

        // Act
        var result = await cli.RunAsync("run", definition, "--no-email", "--out", "report.txt");

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("--out");
        result.Error.ShouldContain("is a file, not a folder");
        emulator.Requests.ShouldBe(0);
        File.ReadAllText(cli.PathOf("report.txt")).ShouldBe("not a folder");
    }

    [Fact]
    public async Task Out_WhereNothingCanBeWritten_ExitsTwo_WithAPlainMessage()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--out", "/proc/nope");

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("--out /proc/nope: cannot write in /proc");
        result.Error.ShouldNotContain("Could not find");
    }

    [Theory]
    [InlineData("Smtp__From", "not an address", "Smtp:From")]
    [InlineData("Smtp__Port", "", "Smtp:Port")]
    [InlineData("Smtp__UseTls", "maybe", "Smtp:UseTls")]
    public async Task Smtp_ValueThatDoesNotParse_ExitsTwo_NamingTheKey_BeforeAnythingIsFetched(string variable, string value, string key)
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = LiveCli(emulator);
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables[variable] = value;
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(key);
        result.Error.ShouldNotContain("unexpected");
        emulator.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task Validate_JsonWithATrailingComma_PointsAtIt_InPlainWords()
    {
        // Arrange
        using var cli = new CliHarness();
        File.WriteAllText(cli.PathOf("def.json"), "{\n  \"title\": \"t\",\n  \"datasets\": { \"a\": { \"list\": 1, } }\n}\n");

        // Act
        var result = await cli.RunAsync("validate", cli.PathOf("def.json"));

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldContain("def.json:3:");
        result.Out.ShouldContain("comma after the last item");
        result.Out.ShouldNotContain("reader options");
    }

    private static Task<EmulatorHost> StartEmulatorAsync() =>
        EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 20, Token = Token }, TestContext.Current.CancellationToken);

    private static CliHarness LiveCli(EmulatorHost emulator)
    {
        var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        return cli;
    }
}
