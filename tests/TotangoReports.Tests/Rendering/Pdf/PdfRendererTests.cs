using System.Globalization;
using SkiaSharp;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Pdf;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>End to end: render with <see cref="PdfRenderer"/>, read the file back with PdfPig (and poppler where it matters).</summary>
public sealed class PdfRendererTests
{
    private static readonly string[] HeaderWords = ["Renewal", "Utilisation", "Website"];

    [Fact]
    public async Task Render_ManyRows_RepeatsTableHeaderOnEveryTablePage()
    {
        var report = TestReports.Accounts(300);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        document.NumberOfPages.ShouldBeGreaterThan(4);
        foreach (var page in document.GetPages().Skip(1))
        {
            var words = page.GetWords().Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var header in HeaderWords)
            {
                words.ShouldContain(header, $"page {page.Number} lacks the table header");
            }
        }
    }

    [Fact]
    public async Task Render_EveryPage_HasPageXOfYFooter()
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(250));

        using var document = PdfTestSupport.Open(pdf);
        var total = document.NumberOfPages;
        total.ShouldBeGreaterThan(2);
        foreach (var page in document.GetPages())
        {
            page.Text.ShouldContain($"Page {page.Number} of {total}");
        }
    }

    [Fact]
    public async Task Render_ManyRows_EveryRowAppearsExactlyOnce()
    {
        var report = TestReports.Accounts(400, withGroups: false);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var ids = document.GetPages()
            .SelectMany(p => p.GetWords())
            .Where(w => w.BoundingBox.Left < 80) // the Account ID column; URLs elsewhere end in ids too
            .Select(w => w.Text)
            .Where(t => t.Length == 5 && t[0] == 'a' && t.Skip(1).All(char.IsAsciiDigit))
            .ToList();
        var expected = report.Datasets[0].Rows.Select(r => r.AccountId).ToList();
        ids.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Render_AwkwardNames_ExtractBackExactly()
    {
        // Three columns leave the names room to stay on one line (a wrapped line has no space glyph to extract).
        var report = Narrow(TestReports.Accounts(12));

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var text = string.Concat(document.GetPages().Skip(1).Select(p => p.Text));
        foreach (var name in TestReports.AwkwardNames)
        {
            // PdfPig reads glyphs in drawing order: a right-to-left name comes back in visual order.
            var expected = IsRightToLeft(name) ? Reverse(name) : name;
            text.ShouldContain(expected, Case.Sensitive, $"name {name}");
        }
    }

    [Fact]
    public async Task Render_HebrewName_ExtractsInLogicalOrderWithPoppler()
    {
        var report = TestReports.Accounts(12);

        var pdf = await PdfTestSupport.RenderAsync(report);

        var pages = PdfTestSupport.PdfToText(pdf);
        if (pages is null)
        {
            Assert.Skip("poppler-utils (pdftotext) is not installed; CI installs it.");
        }

        var text = StripBidiControls(string.Join("\n", pages));
        text.ShouldContain("חברת אלפא בע\"מ", Case.Sensitive);
        text.ShouldContain("株式会社テスト", Case.Sensitive);
        text.ShouldContain("Café Müller GmbH", Case.Sensitive);
    }

    [Fact]
    public async Task Render_LigaturesNoBreakSpacesAndArabic_ExtractExactly()
    {
        string[] names = ["Office fluff", "Zürich\u00A0AG", "شركة النور", "Ελληνική Εταιρεία"];
        var report = WithNames(Narrow(TestReports.Accounts(names.Length)), names);

        var pdf = await PdfTestSupport.RenderAsync(report);

        // PdfPig keeps the no-break space (poppler prints it as a plain space).
        using var document = PdfTestSupport.Open(pdf);
        string.Concat(document.GetPages().Select(p => p.Text)).ShouldContain("Zürich\u00A0AG", Case.Sensitive);

        var pages = PdfTestSupport.PdfToText(pdf);
        if (pages is null)
        {
            Assert.Skip("poppler-utils (pdftotext) is not installed; CI installs it.");
        }

        // Arabic is shaped into joined forms, so only a reader applying bidi and the text mapping gets it back.
        var text = StripBidiControls(string.Join("\n", pages));
        foreach (var name in names.Where(n => !n.Contains('\u00A0', StringComparison.Ordinal)))
        {
            text.ShouldContain(name, Case.Sensitive);
        }
    }

    [Fact]
    public async Task Render_RightToLeftName_IsAlignedToTheCellsRightEdge()
    {
        var report = Narrow(TestReports.Accounts(3));

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var words = document.GetPage(2).GetWords().ToList();
        var latin = words.Single(w => w.Text == "Café");
        var hebrew = words.Where(w => w.Text.Any(c => c is >= '\u05D0' and <= '\u05EA')).ToList();
        hebrew.ShouldNotBeEmpty();

        // Same column: the Latin name starts at the left padding, the Hebrew one ends at the right padding.
        hebrew.Min(w => w.BoundingBox.Left).ShouldBeGreaterThan(latin.BoundingBox.Left + 20);
    }

    [Fact]
    public async Task Render_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new PdfRenderer().RenderAsync(TestReports.Accounts(3), PdfTestSupport.Output(), stream, cancelled.Token));
    }

    [Fact]
    public async Task Render_Metadata_TitleAuthorSubjectAndCreationDate()
    {
        var report = TestReports.Accounts(5);

        var pdf = await PdfTestSupport.RenderAsync(report, PdfTestSupport.Output(author: "CS Ops"));

        using var document = PdfTestSupport.Open(pdf);
        document.Information.Title.ShouldBe("Weekly usage — all accounts");
        document.Information.Author.ShouldBe("CS Ops");
        document.Information.Subject.ShouldBe("Engagement and activity for the exec team");
        document.Information.GetCreatedDateTimeOffset().ShouldBe(TestReports.GeneratedAt);
    }

    [Fact]
    public async Task Render_NoAuthor_DefaultsToProductName()
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(3));

        using var document = PdfTestSupport.Open(pdf);
        document.Information.Author.ShouldBe("TotangoReports");
    }

    [Fact]
    public async Task Render_SameReportTwice_GivesIdenticalBytes()
    {
        var first = await PdfTestSupport.RenderAsync(TestReports.Accounts(60));
        var second = await PdfTestSupport.RenderAsync(TestReports.Accounts(60));

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Render_WideTable_TurnsDatasetPagesLandscape_OverviewStaysPortrait()
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(30));

        using var document = PdfTestSupport.Open(pdf);
        var pages = document.GetPages().ToList();
        pages[0].Height.ShouldBeGreaterThan(pages[0].Width);
        pages.Skip(1).ShouldAllBe(p => p.Width > p.Height);
    }

    [Fact]
    public async Task Render_NarrowTable_StaysPortrait()
    {
        var report = Narrow(TestReports.Accounts(30));

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        document.GetPages().ShouldAllBe(p => p.Height > p.Width);
    }

    [Theory]
    [InlineData(PageSize.A4, 595.28, 841.89)]
    [InlineData(PageSize.Letter, 612, 792)]
    public async Task Render_PageSize_SetsPaper(PageSize size, double width, double height)
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(3), PdfTestSupport.Output(size));

        using var document = PdfTestSupport.Open(pdf);
        var first = document.GetPage(1);
        first.Width.ShouldBe(width, 0.5);
        first.Height.ShouldBe(height, 0.5);
    }

    [Fact]
    public async Task Render_Groups_ShowHeadingsAndSubtotals()
    {
        var report = TestReports.Accounts(40);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        foreach (var group in report.Datasets[0].Groups!.Rows)
        {
            var key = group.Key.Length == 0 ? "(none)" : group.Key;
            text.ShouldContain($"Region: {key} · {group.RowIndexes.Count} rows");
            text.ShouldContain($"Subtotal {key}: Accounts {group.RowIndexes.Count}");
        }
    }

    [Fact]
    public async Task Render_CellFormats_AppearAsFormatted()
    {
        var report = TestReports.Accounts(3, withGroups: false);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var text = document.GetPage(2).Text;

        // Row 1: utilisation 1/90 as 0% → "1%"; renewal 2027-02-02; last activity 7h before 07:30 UTC, in Berlin (UTC+1).
        text.ShouldContain("1%");
        text.ShouldContain("2027-02-02");
        text.ShouldContain("2026-11-23 01:30");
    }

    [Fact]
    public async Task Render_KpiTiles_ShowAccountCountAndHealthSplit()
    {
        var report = TestReports.Accounts(30);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var words = document.GetPage(1).GetWords().Select(w => w.Text).ToList();
        var activity30 = report.Datasets[0].Accounts.Sum(a => a.ActivityTotals["past_30d"]);
        words.ShouldContain("30");
        words.ShouldContain(activity30.ToString("#,##0", CultureInfo.InvariantCulture));
        document.GetPage(1).Text.ShouldContain("Health: Good");
    }

    [Fact]
    public async Task Render_EmbedsOnlyShippedFontSubsets()
    {
        var pdf = await PdfTestSupport.RenderAsync(TestReports.Accounts(120));

        using var document = PdfTestSupport.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        fonts.ShouldAllBe(f => f != null && (f.Contains("DejaVuSans", StringComparison.Ordinal) || f.Contains("DroidSansFallback", StringComparison.Ordinal)));

        // Whole fonts would be well over 2 MB (the CJK face alone is 4 MB).
        pdf.Length.ShouldBeLessThan(400_000);
    }

    [Fact]
    public async Task Render_RowTallerThanPage_IsSplitWithMarkerAndNothingLost()
    {
        var words = Enumerable.Range(0, 2500).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var report = SingleTextRow(string.Join(' ', words));

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        var pages = document.GetPages().Skip(1).ToList();
        pages.Count.ShouldBeGreaterThan(1);
        var extracted = pages.SelectMany(p => p.GetWords()).Select(w => w.Text).Where(t => t.StartsWith('w') && t.Length > 1 && char.IsAsciiDigit(t[1])).ToList();
        extracted.ShouldBe(words);
        foreach (var page in pages)
        {
            page.Text.ShouldContain("Notes");
            page.GetWords().Select(w => w.Text).ShouldContain("a1", $"page {page.Number} should repeat the row's account id");
        }

        pages[0].Text.ShouldContain("continued on the next page");
        pages[^1].Text.ShouldNotContain("continued on the next page");
    }

    [Fact]
    public async Task Render_Logo_IsDrawnFromPathRelativeToDefinition()
    {
        var folder = Directory.CreateTempSubdirectory("pdf-logo-");
        try
        {
            using (var bitmap = new SKBitmap(40, 20))
            {
                bitmap.Erase(SKColors.OrangeRed);
                using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(folder.FullName, "logo.png"), data.ToArray());
            }

            var report = WithDefinitionIn(TestReports.Accounts(3), folder.FullName);

            var pdf = await PdfTestSupport.RenderAsync(report, PdfTestSupport.Output(logo: "logo.png"));

            using var document = PdfTestSupport.Open(pdf);
            document.GetPages().ShouldAllBe(p => p.GetImages().Any());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Render_MissingLogo_FailsWithMessageNamingThePath()
    {
        var report = TestReports.Accounts(3);

        var error = await Should.ThrowAsync<RenderException>(() => PdfTestSupport.RenderAsync(report, PdfTestSupport.Output(logo: "no-such-logo.png")));

        error.Message.ShouldContain("no-such-logo.png");
        error.Message.ShouldContain("weekly-usage.yaml");
    }

    [Fact]
    public async Task Render_UnknownDataset_FailsWithMessageListingDatasets()
    {
        var error = await Should.ThrowAsync<RenderException>(() => PdfTestSupport.RenderAsync(TestReports.Accounts(3), PdfTestSupport.Output(dataset: "nope")));

        error.Message.ShouldContain("'nope'");
        error.Message.ShouldContain("accounts");
    }

    [Fact]
    public async Task Render_EmptyDataset_StillWritesHeaderAndNote()
    {
        var report = TestReports.Accounts(0);

        var pdf = await PdfTestSupport.RenderAsync(report);

        using var document = PdfTestSupport.Open(pdf);
        document.NumberOfPages.ShouldBe(2);
        document.GetPage(2).Text.ShouldContain("No rows.");
        document.GetPage(2).Text.ShouldContain("Utilisation");
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new PdfRenderer(new PdfRendererOptions { BodyFontSize = 40 }));

        error.ParamName.ShouldBe(nameof(PdfRendererOptions.BodyFontSize));
    }

    private static bool IsRightToLeft(string text) => text.Any(c => c is >= '\u0590' and <= '\u06FF');

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static string StripBidiControls(string text) =>
        new(text.Where(c => c is not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))).ToArray());

    private static Report Narrow(Report report)
    {
        var table = report.Datasets[0];
        var narrow = new DatasetTable
        {
            Name = table.Name,
            Columns = table.Columns.Take(3).ToList(),
            Rows = table.Rows.Select(r => new TableRow(r.AccountId, r.Values.Take(3).ToArray())).ToList(),
            Accounts = table.Accounts,
        };
        return new Report { Definition = report.Definition, GeneratedAt = report.GeneratedAt, TimeZone = report.TimeZone, Datasets = [narrow] };
    }

    private static Report WithNames(Report report, string[] names)
    {
        var table = report.Datasets[0];
        var renamed = new DatasetTable
        {
            Name = table.Name,
            Columns = table.Columns,
            Rows = table.Rows.Select((r, i) => new TableRow(r.AccountId, r.Values.Select((v, c) => c == 1 ? names[i] : v).ToArray())).ToList(),
            Accounts = table.Accounts,
        };
        return new Report { Definition = report.Definition, GeneratedAt = report.GeneratedAt, TimeZone = report.TimeZone, Datasets = [renamed] };
    }

    private static Report SingleTextRow(string notes)
    {
        var report = TestReports.Accounts(1, withGroups: false);
        var table = new DatasetTable
        {
            Name = "notes",
            Columns = [new TableColumn("Account ID", CellKind.Text), new TableColumn("Notes", CellKind.Text)],
            Rows = [new TableRow("a1", ["a1", notes])],
        };
        return new Report { Definition = report.Definition, GeneratedAt = report.GeneratedAt, TimeZone = report.TimeZone, Datasets = [table] };
    }

    private static Report WithDefinitionIn(Report report, string folder)
    {
        var definition = TestReports.Definition();
        var moved = new ReportDefinition
        {
            Title = definition.Title,
            Description = definition.Description,
            TimeZone = definition.TimeZone,
            Datasets = definition.Datasets,
            SourcePath = Path.Combine(folder, "weekly-usage.yaml"),
        };
        return new Report { Definition = moved, GeneratedAt = report.GeneratedAt, TimeZone = report.TimeZone, Datasets = report.Datasets };
    }
}
