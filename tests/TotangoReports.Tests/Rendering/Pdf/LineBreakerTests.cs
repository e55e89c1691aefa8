using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class LineBreakerTests
{
    private static readonly TextStyle Style = new(10);

    [Fact]
    public void Wrap_Words_NoLineWiderThanLimit_AndAllWordsKept()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);
        var text = string.Join(' ', Enumerable.Repeat("engagement score drops", 12));

        var lines = LineBreaker.Wrap(shaper, text, Style, 120);

        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => l.Width <= 120.01f);
        string.Join(' ', lines.Select(l => l.Text)).ShouldBe(text);
    }

    [Fact]
    public void Wrap_WordsOnly_HeaderBreaksAtSpacesNeverAtHyphens()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);
        var limit = shaper.Measure("report-complete", Style) + 1;

        var header = LineBreaker.Wrap(shaper, "last report-complete 90d", Style, limit, wordsOnly: true);
        var text = LineBreaker.Wrap(shaper, "last report-complete 90d", Style, limit);

        header.Select(l => l.Text).ShouldBe(["last", "report-complete", "90d"]);
        text.Select(l => l.Text).ShouldBe(["last report-", "complete 90d"]);
    }

    [Fact]
    public void Wrap_Cjk_BreaksBetweenCharacters()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);
        var text = string.Concat(Enumerable.Repeat("株式会社テスト", 6));

        var lines = LineBreaker.Wrap(shaper, text, Style, 60);

        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => l.Width <= 60.01f);
        string.Concat(lines.Select(l => l.Text)).ShouldBe(text);
    }

    [Fact]
    public void Wrap_TokenLongerThanLine_IsBrokenByCharacters()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);
        var token = new string('x', 200);

        var lines = LineBreaker.Wrap(shaper, token, Style, 50);

        lines.ShouldAllBe(l => l.Width <= 50.01f);
        string.Concat(lines.Select(l => l.Text)).ShouldBe(token);
    }

    [Fact]
    public void Wrap_HardLineBreaks_AreKept()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);

        var lines = LineBreaker.Wrap(shaper, "one\ntwo\r\nthree", Style, 500);

        lines.Select(l => l.Text).ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public void Shape_CharacterMissingFromMainFont_UsesFallbackFace()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);

        var line = shaper.Shape("Acme 株式", Style);

        line.Runs.Select(r => r.Face).ShouldBe([PdfFonts.Shared.Regular, PdfFonts.Shared.Fallback]);
        line.Runs.ShouldAllBe(r => !r.Glyphs.Contains((ushort)0));
    }

    [Fact]
    public void Shape_MixedDirections_RunsInVisualOrder()
    {
        using var shaper = new TextShaper(PdfFonts.Shared);

        var line = shaper.Shape("שלום Acme", Style);

        // A right-to-left paragraph: the Latin run is drawn first (leftmost), the Hebrew run after it.
        line.Runs.Count.ShouldBe(2);
        System.Text.Encoding.UTF8.GetString(line.Runs[0].Utf8).ShouldBe("Acme");
        System.Text.Encoding.UTF8.GetString(line.Runs[1].Utf8).ShouldBe("שלום ");
    }
}
