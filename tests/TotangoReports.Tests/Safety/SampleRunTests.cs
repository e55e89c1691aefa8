using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CsvHelper;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;
using UglyToad.PdfPig;

namespace TotangoReports.Tests.Safety;

/// <summary>
/// Issue 14 items 2 and 3: sample output says SAMPLE DATA wherever a reader looks, is mailed only with
/// --send-sample-mail, and is dated relative to the run's now (--as-of pins it).
/// </summary>
public sealed class SampleRunTests
{
    [Fact]
    public async Task SampleRun_WithSmtpConfigured_SendsNoMail_AndRunJsonSaysWhy()
    {
        // Arrange
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = WithSmtp(new CliHarness(), smtp);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--format", "html,csv");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        smtp.Attempts.ShouldBe(0);
        result.Error.ShouldContain("--send-sample-mail");
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        var email = manifest.RootElement.GetProperty("email");
        email.GetProperty("status").GetString().ShouldBe("skipped");
        email.GetProperty("reason").GetString()!.ShouldContain("--send-sample-mail");
    }

    [Fact]
    public async Task SampleRun_WithSendSampleMail_MarksThePdfPages_HtmlTop_XlsxSummary_MailSubjectAndBodies()
    {
        // Arrange
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = WithSmtp(new CliHarness(), smtp);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--send-sample-mail");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var files = result.OutLines.Select(l => cli.PathOf(l)).ToList();
        using (var pdf = PdfDocument.Open(files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))))
        {
            pdf.NumberOfPages.ShouldBeGreaterThan(1);
            pdf.GetPages().ShouldAllBe(page => page.Text.Contains("SAMPLE DATA", StringComparison.Ordinal));
        }

        var html = new HtmlParser().ParseDocument(File.ReadAllText(files.Single(f => f.EndsWith(".html", StringComparison.Ordinal))));
        html.Body!.FirstElementChild!.TextContent.ShouldContain("SAMPLE DATA");
        SummaryFirstRowText(files.Single(f => f.EndsWith(".xlsx", StringComparison.Ordinal))).ShouldStartWith("SAMPLE DATA");

        var mail = smtp.Accepted.ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("[SAMPLE] Weekly usage");
        new HtmlParser().ParseDocument(mail.HtmlBody!).Body!.FirstElementChild!.TextContent.ShouldContain("SAMPLE DATA");
        mail.TextBody!.ShouldStartWith("SAMPLE DATA");
    }

    [Fact]
    public async Task LiveRun_IsNotMarkedAsSample()
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 60, Token = "t" }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = "t";
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--format", "html,pdf", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(cli.PathOf("out", "weekly-usage.html")).ShouldNotContain("SAMPLE DATA");
        using var pdf = PdfDocument.Open(cli.PathOf("out", "weekly-usage.pdf"));
        pdf.GetPages().ShouldAllBe(page => !page.Text.Contains("SAMPLE DATA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SampleRun_IsDatedRelativeToAsOf_AndAFirstDeltaRunFindsAccounts()
    {
        // Arrange: an instant far from the sample's old fixed epoch (2026-11-23).
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("inactive-accounts-delta.yaml");
        var asOf = new DateTimeOffset(2031, 5, 4, 6, 30, 0, TimeSpan.Zero);

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--as-of", "2031-05-04T06:30:00Z", "--format", "csv");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        using var reader = CsvReader.Create(File.ReadAllBytes(cli.PathOf("out", "inactive-accounts.csv")), new CsvReaderOptions { HasHeader = true });
        var lastActivity = new List<DateTimeOffset>();
        while (reader.Read())
        {
            var row = reader.Headers.ToArray().Zip(reader.Current.ToArray()).ToDictionary(p => p.First, p => p.Second);
            lastActivity.Add(DateTimeOffset.Parse(row["Last activity"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }

        lastActivity.Count.ShouldBeGreaterThan(0);
        lastActivity.ShouldAllBe(t => t <= asOf && t > asOf.AddDays(-120));
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        manifest.RootElement.GetProperty("startedAt").GetDateTimeOffset().ShouldBe(asOf);
    }

    [Fact]
    public async Task SampleRun_WithoutAsOf_HasActivityWithinADayOfNow()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("activities-export.yaml");
        var before = DateTimeOffset.UtcNow;

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--format", "csv", "--quiet");

        // Assert: the newest activity is recent, not frozen at a fixed date.
        result.ExitCode.ShouldBe(0, result.ToString());
        using var reader = CsvReader.Create(File.ReadAllBytes(cli.PathOf("out", "activities-export.csv")), new CsvReaderOptions { HasHeader = true });
        var newest = DateTimeOffset.MinValue;
        while (reader.Read())
        {
            var row = reader.Headers.ToArray().Zip(reader.Current.ToArray()).ToDictionary(p => p.First, p => p.Second);
            var value = DateTimeOffset.Parse(row["last-activity"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            newest = value > newest ? value : newest;
        }

        newest.ShouldBeGreaterThan(before.AddDays(-2));
        newest.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-45")]
    public async Task AsOf_NotAnInstant_ExitsTwo_NamingTheOption(string value)
    {
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        var result = await cli.RunAsync("run", definition, "--sample", "--as-of", value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("--as-of");
    }

    /// <summary>
    /// The text of row 1 of the workbook's first sheet (Summary), read from the package: ClosedXML would need
    /// libgdiplus for the Summary's chart images.
    /// </summary>
    private static string SummaryFirstRowText(string xlsx)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(xlsx);
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = System.Xml.Linq.XDocument.Load(stream);
        var row = sheet.Descendants().First(e => e.Name.LocalName == "row");
        row.Attribute("r")?.Value.ShouldBe("1");
        return string.Concat(row.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));
    }

    private static CliHarness WithSmtp(CliHarness cli, LoopbackSmtpServer smtp)
    {
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        return cli;
    }
}
