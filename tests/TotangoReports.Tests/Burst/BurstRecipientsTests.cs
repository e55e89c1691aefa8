using TotangoReports.Definition;
using TotangoReports.Runs;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Burst;

/// <summary><c>burst.recipients</c>: a YAML or CSV file mapping values to addresses; a bad entry names the file and line.</summary>
public sealed class BurstRecipientsTests
{
    [Fact]
    public async Task For_YamlMapping_GivesEachValueItsAddresses_AndNoneToAnUnmappedValue()
    {
        // Arrange
        using var folder = new TempDirectory();
        folder.Write("csm.yaml", "owner1: [a@example.com, b@example.com]\nowner2: c@example.com\n\"Zoë Ångström\": [z@example.com]\n");
        var definition = ReportEngine.ParseDefinition(BurstKit.Definition.Replace("to: Owner email", "recipients: csm.yaml", StringComparison.Ordinal), Path.Combine(folder.Path, "book.yaml"));
        var report = await new ReportEngine().BuildAsync(definition, ReportSource.Sample(accounts: 100, seed: 1), cancellationToken: TestContext.Current.CancellationToken);
        var table = report.Datasets[0];

        // Act
        var recipients = BurstRecipients.Load(definition, definition.Burst!);
        var slices = table.Bursts!.ToDictionary(s => s.Value);

        // Assert
        recipients.For(slices["owner1"], table).ShouldBe(["a@example.com", "b@example.com"]);
        recipients.For(slices["owner2"], table).ShouldBe(["c@example.com"]);
        recipients.For(slices["owner3"], table).ShouldBeEmpty();
    }

    [Fact]
    public void Load_CsvWithQuotedValues_KeepsCommasAndQuotesInTheValue()
    {
        // Arrange: a value holding a comma and a quote, as a spreadsheet writes it (RFC 4180).
        using var folder = new TempDirectory();
        folder.Write("csm.csv", "owner,address,address\r\n\"Jones, \"\"Smith\"\" & Co\",j@example.com,k@example.com\r\nowner1,a@example.com\r\n");
        var definition = ReportEngine.ParseDefinition(BurstKit.Definition.Replace("to: Owner email", "recipients: csm.csv", StringComparison.Ordinal), Path.Combine(folder.Path, "book.yaml"));

        // Act
        var recipients = BurstRecipients.Load(definition, definition.Burst!);

        // Assert
        recipients.Values.ShouldBe(["Jones, \"Smith\" & Co", "owner1"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("csm.yaml", "owner1: [a@example.com]\nowner2: [not-an-address]\n", ":2: burst.recipients 'not-an-address' (for 'owner2') is not an email address")]
    [InlineData("csm.csv", "owner,address\nowner1,a@example.com\nowner2,nobody\n", ":3: burst.recipients 'nobody' (for 'owner2') is not an email address")]
    [InlineData("csm.yaml", "- a@example.com\n", ":1: burst.recipients must be a map of value: [addresses]")]
    public void Load_BadEntry_ErrorNamesFileAndLine(string file, string text, string message)
    {
        // Arrange
        using var folder = new TempDirectory();
        folder.Write(file, text);
        var definition = ReportEngine.ParseDefinition(BurstKit.Definition.Replace("to: Owner email", "recipients: " + file, StringComparison.Ordinal), Path.Combine(folder.Path, "book.yaml"));

        // Act
        var error = Should.Throw<ReportInputException>(() => BurstRecipients.Load(definition, definition.Burst!));

        // Assert
        error.Error.ShouldBe(ReportInputError.BurstRecipients);
        error.Message.ShouldStartWith(Path.Combine(folder.Path, file) + message);
    }
}
