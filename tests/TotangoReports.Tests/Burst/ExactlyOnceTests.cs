using System.Text.Json;
using ClosedXML.Excel;
using MimeKit;
using TotangoReports.Delivery;
using TotangoReports.Tests.Delivery;
using TotangoReports.Tests.Fixtures;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Burst;

/// <summary>
/// burst + exactly once (#17) with a real SMTP server on loopback: 50 owners, one mailbox refusing with 550, then
/// fixed; every attachment of every mail is read back and holds only its owner's rows.
/// </summary>
public sealed class ExactlyOnceTests
{
    private const string Refusing = "csm7@example.com";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_FiftyOwners_OneMailboxRefusing_FortyNineDeliveredOnce_ResendDeliversExactlyThatOne()
    {
        // Arrange
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        smtp.Refused[Refusing] = true;
        var engine = BurstKit.Engine(smtp);
        var definition = ReportEngine.ParseDefinition(BurstKit.Definition, Path.Combine(folder.Path, "book.yaml"));
        var output = Path.Combine(folder.Path, "out");
        var ct = TestContext.Current.CancellationToken;

        // Act
        var error = await Should.ThrowAsync<MailNotAcceptedException>(() => engine.RunAsync(definition, Sample(), BurstKit.Options(output), ct));

        // Assert: the one who failed is named; 49 owners and the roll-up's recipient got exactly one mail each.
        error.Recipients.ShouldBe([$"{Refusing} (owner7)"]);
        error.Message.ShouldContain("resend");
        var received = smtp.Deliveries.SelectMany(d => d.Recipients).ToList();
        received.Count.ShouldBe(50);
        received.ShouldBeUnique();
        received.ShouldContain("vp@example.com");
        received.ShouldNotContain(Refusing);
        var manifest = Manifest(output);
        var statuses = manifest.GetProperty("deliveries").EnumerateArray().ToList();
        statuses.Count.ShouldBe(51);
        statuses.Single(s => s.GetProperty("recipient").GetString() == Refusing).GetProperty("status").GetString().ShouldBe("failed");
        statuses.Single(s => s.GetProperty("recipient").GetString() == Refusing).GetProperty("reason").GetString()!.ShouldContain("550");
        statuses.Count(s => s.GetProperty("status").GetString() == "sent").ShouldBe(50);
        Directory.Exists(Path.Combine(output, ".outbox")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "book.xlsx")).ShouldBeTrue();

        // Every attachment of every owner's mail holds that owner's rows only.
        foreach (var (recipients, message) in smtp.Deliveries.Where(d => d.Recipients[0] != "vp@example.com"))
        {
            var owner = "owner" + BurstKit.OwnerOf(recipients.Single());
            message.Subject.ShouldBe($"[SAMPLE] Book {owner}");
            OwnersInAttachments(message).ShouldBe([owner], $"mail to {recipients[0]}");
        }

        // Act: the mailbox is fixed; resend twice.
        smtp.Refused.Clear();
        var first = await engine.ResendAsync(output, ct);
        var second = await engine.ResendAsync(output, ct);

        // Assert: exactly that one, once; nobody else again.
        first.ShouldBe(1);
        second.ShouldBe(0);
        var after = smtp.Deliveries.SelectMany(d => d.Recipients).ToList();
        after.Count.ShouldBe(51);
        after.ShouldBeUnique();
        after.ShouldContain(Refusing);
        OwnersInAttachments(smtp.Deliveries.Last().Message).ShouldBe(["owner7"]);
        Manifest(output).GetProperty("deliveries").EnumerateArray().ShouldAllBe(s => s.GetProperty("status").GetString() == "sent");
        Directory.Exists(Path.Combine(output, ".outbox")).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_NoRecipientAccepts_FilesUnchanged_NothingKept_ExitSixException()
    {
        // Arrange: one roll-up recipient only, refusing.
        using var folder = new TempDirectory();
        await using var smtp = LoopbackSmtpServer.Start();
        smtp.Refused["vp@example.com"] = true;
        var text = BurstKit.Definition.Replace("burst: { by: Owner, to: Owner email }\n", string.Empty, StringComparison.Ordinal);
        var definition = ReportEngine.ParseDefinition(text, Path.Combine(folder.Path, "book.yaml"));
        var output = Path.Combine(folder.Path, "out");

        // Act
        var error = await Should.ThrowAsync<EmailDeliveryException>(() => BurstKit.Engine(smtp).RunAsync(definition, Sample(), BurstKit.Options(output), TestContext.Current.CancellationToken));

        // Assert: nobody has it, so nothing was written and nothing kept: the next run is the one that delivers.
        error.Message.ShouldContain("vp@example.com");
        smtp.Deliveries.ShouldBeEmpty();
        (Directory.Exists(output) ? Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Where(n => n != OutputFolderLockName).ToList() : []).ShouldBeEmpty();
    }

    private const string OutputFolderLockName = ".totango-reports.lock";

    private static ReportSource Sample() => ReportSource.Sample(accounts: 500, seed: 17);

    private static JsonElement Manifest(string output) => JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json"))).RootElement;

    /// <summary>The distinct Owner values in every csv and xlsx attachment of <paramref name="message"/> (xlsx checked against the schema first).</summary>
    private static List<string> OwnersInAttachments(MimeMessage message)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var parts = message.Attachments.OfType<MimePart>().ToList();
        parts.Select(p => Path.GetExtension(p.FileName)).Order(StringComparer.Ordinal).ShouldBe([".csv", ".xlsx"]);
        foreach (var part in parts)
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            if (part.FileName!.EndsWith(".csv", StringComparison.Ordinal))
            {
                using var reader = CsvHelper.CsvReader.Create(bytes.ToArray(), new CsvHelper.CsvReaderOptions { HasHeader = true });
                var rows = 0;
                while (reader.Read())
                {
                    var row = reader.Headers.ToArray().Zip(reader.Current.ToArray()).ToDictionary(p => p.First, p => p.Second);
                    owners.Add(row["Owner"]);
                    rows++;
                }

                rows.ShouldBeGreaterThan(0);
            }
            else
            {
                XlsxSchema.Validate(bytes);
                var file = Path.Combine(Path.GetTempPath(), "tr-burst-" + Guid.NewGuid().ToString("N") + ".xlsx");
                File.WriteAllBytes(file, bytes.ToArray());
                using var workbook = new XLWorkbook(Cli.SummaryAgreementTests.WithoutPictures(file));
                File.Delete(file);
                var sheet = workbook.Worksheet("accounts");
                var column = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "Owner").Address.ColumnNumber;
                var table = sheet.Tables.Single();
                owners.UnionWith(table.DataRange.Rows().Select(r => r.Cell(column).GetString()));
            }
        }

        return [.. owners];
    }
}
