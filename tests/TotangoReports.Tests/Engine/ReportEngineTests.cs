using System.Text;
using ClosedXML.Excel;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Rendering.Csv;
using TotangoReports.Rendering.Xlsx;
using TotangoReports.Sample;
using TotangoReports.Tests.Fixtures;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Engine;

/// <summary>The front door as a library user meets it: no configuration, no CLI, typed options and errors.</summary>
public sealed class ReportEngineTests
{
    private const string Accounts = """
        title: Accounts
        timezone: UTC
        parameters:
          region: { default: EMEA }
        datasets:
          accounts:
            list: 1
            columns:
              - { name: id, path: account_id }
              - { name: name, path: name }
              - { name: score, path: engagement.score.current, type: number }
        outputs:
          - { format: xlsx, file: accounts.xlsx }
          - { format: csv, file: accounts.csv }
        """;

    [Fact]
    public async Task BuildAsync_SampleOfGivenSize_ReportHoldsEveryAccount()
    {
        var engine = new ReportEngine();
        var definition = ReportEngine.ParseDefinition(Accounts);

        var report = await engine.BuildAsync(definition, ReportSource.Sample(accounts: 2000, seed: 7), cancellationToken: TestContext.Current.CancellationToken);

        report.Datasets.Single().Rows.Count.ShouldBe(2000);
        report.Parameters["region"].ShouldBe("EMEA");
    }

    [Fact]
    public async Task BuildAsync_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var engine = new ReportEngine();
        var definition = ReportEngine.ParseDefinition(Accounts);

        var first = await engine.BuildAsync(definition, ReportSource.Sample(50, seed: 3), cancellationToken: TestContext.Current.CancellationToken);
        var again = await engine.BuildAsync(definition, ReportSource.Sample(50, seed: 3), cancellationToken: TestContext.Current.CancellationToken);
        var other = await engine.BuildAsync(definition, ReportSource.Sample(50, seed: 4), cancellationToken: TestContext.Current.CancellationToken);

        Names(again).ShouldBe(Names(first));
        Names(other).ShouldNotBe(Names(first));
    }

    [Fact]
    public async Task RenderAsync_Xlsx_ToMemoryStream_IsAWorkbookWithOneRowPerAccount()
    {
        // Charts off: ClosedXML 0.95.4 decodes pictures with System.Drawing, which needs libgdiplus.
        var engine = new ReportEngine(new ReportEngineOptions { Xlsx = new XlsxRendererOptions { IncludeCharts = false } });
        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(Accounts), ReportSource.Sample(300), cancellationToken: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();

        await engine.RenderAsync(report, OutputFormat.Xlsx, stream, TestContext.Current.CancellationToken);

        stream.Position = 0;
        XlsxSchema.Validate(stream);
        using var workbook = new XLWorkbook(stream);
        var table = workbook.Worksheets.SelectMany(w => w.Tables).Single();
        table.DataRange.RowCount().ShouldBe(300);
        table.HeadersRow().Cells().Select(c => c.GetString()).ShouldBe(["id", "name", "score"]);
    }

    [Fact]
    public async Task RenderAsync_UsesTheEngineRendererOptions()
    {
        var withBom = new ReportEngine();
        var withoutBom = new ReportEngine(new ReportEngineOptions { Csv = new CsvRendererOptions { WriteByteOrderMark = false } });
        var report = await withBom.BuildAsync(ReportEngine.ParseDefinition(Accounts), ReportSource.Sample(5), cancellationToken: TestContext.Current.CancellationToken);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await withBom.RenderAsync(report, OutputFormat.Csv, first, TestContext.Current.CancellationToken);
        await withoutBom.RenderAsync(report, OutputFormat.Csv, second, TestContext.Current.CancellationToken);

        first.ToArray().Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        second.ToArray().Take(3).ShouldNotBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(second.ToArray()).ShouldStartWith("id,name,score");
    }

    [Fact]
    public async Task BuildAsync_CustomSource_IsReadThroughTheSameFetchPipeline()
    {
        var engine = new ReportEngine();
        var counting = new CountingSource(new SampleActiveListSource(new SampleSourceOptions { Accounts = 2500 }));

        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(Accounts), ReportSource.From(counting, "mine"), cancellationToken: TestContext.Current.CancellationToken);

        report.Datasets.Single().Rows.Count.ShouldBe(2500);
        counting.Pages.ShouldBe(3);
    }

    [Fact]
    public async Task BuildAsync_ObjectModelDefinition_NeedsNoText()
    {
        var definition = new ReportDefinition
        {
            Title = "Built in code",
            SourcePath = "in-code",
            Datasets =
            [
                new DatasetDefinition
                {
                    Name = "all",
                    List = "1",
                    Columns = [new ColumnDefinition { Name = "id", Path = "account_id" }],
                },
            ],
        };

        var report = await new ReportEngine().BuildAsync(definition, ReportSource.Sample(12), cancellationToken: TestContext.Current.CancellationToken);

        report.Title.ShouldBe("Built in code");
        report.Datasets.Single().Rows.Count.ShouldBe(12);
    }

    [Fact]
    public void ParseDefinition_Invalid_ThrowsTypedErrorWithLocation()
    {
        var ex = Should.Throw<ReportInputException>(() => ReportEngine.ParseDefinition("title: x\ndatasets: {}\n", "broken.yaml"));

        ex.Error.ShouldBe(ReportInputError.InvalidDefinition);
        ex.Message.ShouldStartWith("broken.yaml:");
    }

    [Fact]
    public async Task BuildAsync_UnknownParameter_ThrowsTypedErrorInLibraryWords()
    {
        var engine = new ReportEngine();
        var options = new BuildOptions { Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["regoin"] = "US" } };

        var ex = await Should.ThrowAsync<ReportInputException>(() => engine.BuildAsync(ReportEngine.ParseDefinition(Accounts, "acc.yaml"), ReportSource.Sample(5), options, TestContext.Current.CancellationToken));

        ex.Error.ShouldBe(ReportInputError.UnknownParameter);
        ex.Subject.ShouldBe("regoin");
        ex.Message.ShouldBe("parameter regoin: not a parameter of acc.yaml (it declares region)");
        ex.Message.ShouldNotContain("--");
    }

    [Fact]
    public async Task RunAsync_WritesOutputsAndManifest_NoConfigurationNeeded()
    {
        using var folder = new TempDirectory();
        var engine = new ReportEngine();
        var options = new RunOptions { OutputDirectory = folder.Path, Formats = new HashSet<OutputFormat> { OutputFormat.Csv } };

        var result = await engine.RunAsync(ReportEngine.ParseDefinition(Accounts), ReportSource.Sample(40), options, TestContext.Current.CancellationToken);

        result.Files.Select(Path.GetFileName).ShouldBe(["accounts.csv", "run.json"]);
        result.Manifest.Source.ShouldBe("sample");
        result.Manifest.Datasets["accounts"].Rows.ShouldBe(40);
        File.ReadAllLines(Path.Combine(folder.Path, "accounts.csv")).Length.ShouldBe(41);
    }

    [Fact]
    public async Task RunAsync_LiveWithMailButNoSmtp_FailsBeforeFetching_InLibraryWords()
    {
        using var folder = new TempDirectory();
        var definition = ReportEngine.ParseDefinition(Accounts + "\ndelivery:\n  email: { to: [a@example.com], subject: hi }\n", "mail.yaml");
        var counting = new CountingSource(new SampleActiveListSource());

        var ex = await Should.ThrowAsync<ReportInputException>(() => new ReportEngine().RunAsync(definition, ReportSource.From(counting, "mine"), new RunOptions { OutputDirectory = folder.Path }, TestContext.Current.CancellationToken));

        ex.Error.ShouldBe(ReportInputError.EmailNotConfigured);
        ex.Message.ShouldNotContain("--");
        counting.Pages.ShouldBe(0);
        Directory.EnumerateFileSystemEntries(folder.Path).ShouldBeEmpty();
    }

    private static List<string> Names(TotangoReports.Data.Report report) =>
        report.Datasets.Single().Rows.Select(r => r.Values[1]?.ToString() ?? string.Empty).ToList();

    /// <summary>A user's own source: here the sample data, counting the pages asked for.</summary>
    private sealed class CountingSource(IActiveListSource inner) : IActiveListSource
    {
        private int _pages;

        public int Pages => _pages;

        public Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _pages);
            return inner.GetPageAsync(query, offset, length, cancellationToken);
        }
    }
}
