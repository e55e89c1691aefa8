using System.Globalization;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>
/// The 16-column activity export (sample-config/activities-export.yaml with a pdf output) read back from the PDF:
/// every number, date and id of every row is printed whole, and the columns carried over pages say which they are.
/// </summary>
public sealed class WideTablePdfTests
{
    [Fact]
    public async Task Run_ActivityExportAsPdf_PrintsEveryNumberDateAndIdWhole()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("activities-export.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("outputs:\n", "outputs:\n  - { format: pdf, file: activities-export.pdf }\n", StringComparison.Ordinal));

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--no-email", "--format", "pdf,csv", "--quiet");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var expected = ExpectedTokens(File.ReadAllLines(cli.PathOf("out", "activities-export.csv")).Skip(1));
        using var pdf = PdfTestSupport.Open(File.ReadAllBytes(cli.PathOf("out", "activities-export.pdf")));
        var pages = pdf.GetPages().ToList();
        var printed = pages.SelectMany(p => p.GetWords()).GroupBy(w => w.Text).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Where(e => printed.GetValueOrDefault(e.Key) < e.Value).Select(e => $"{e.Key} ×{e.Value} (printed ×{printed.GetValueOrDefault(e.Key)})").ToList();
        missing.ShouldBeEmpty($"{missing.Count} values are not printed whole, e.g. {string.Join(", ", missing.Take(5))}");
        var captions = pages.Select(p => string.Join(' ', p.GetWords().Take(12).Select(w => w.Text))).ToList();
        captions.ShouldContain(c => c.Contains("columns 1–", StringComparison.Ordinal));
        captions.ShouldContain(c => c.Contains("of 16", StringComparison.Ordinal) && c.Contains("(continued)", StringComparison.Ordinal));
    }

    /// <summary>From the CSV of the same run: the id, both times (date and clock) and the twelve counts of each row.</summary>
    private static Dictionary<string, int> ExpectedTokens(IEnumerable<string> csvRows)
    {
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string token) => expected[token] = expected.GetValueOrDefault(token) + 1;
        foreach (var line in csvRows)
        {
            // Names may hold quoted commas: the id leads, the two times and twelve counts close the row.
            var fields = line.Split(',');
            Add(fields[0]);
            foreach (var time in fields[^14..^12].Where(f => f.Length > 0))
            {
                if (time.Contains('T', StringComparison.Ordinal))
                {
                    // ISO round-trip in the CSV; the PDF prints the default yyyy-MM-dd HH:mm in the report's zone (UTC).
                    var parsed = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToUniversalTime();
                    Add(parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    Add(parsed.ToString("HH:mm", CultureInfo.InvariantCulture));
                }
                else
                {
                    // A column format of its own ("mm/dd/yy hh:mm"): the CSV and the PDF print the same words.
                    foreach (var word in time.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        Add(word);
                    }
                }
            }

            foreach (var count in fields[^12..].Where(f => f.Length > 0))
            {
                Add(double.Parse(count, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture));
            }
        }

        return expected;
    }
}
