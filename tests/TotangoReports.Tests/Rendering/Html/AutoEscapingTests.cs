using TotangoReports.Fixtures;

namespace TotangoReports.Tests.Rendering.Html;

public sealed class AutoEscapingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string EscapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    [Fact]
    public void DataValue_IsHtmlEscaped()
    {
        var report = HtmlTestKit.WithAccountNames(Script);

        var html = HtmlTestKit.RenderText(report, "<p>{{ dataset.rows[0].values.Account }}</p>");

        html.ShouldBe($"<p>{EscapedScript}</p>");
    }

    [Fact]
    public void QuotesAndAmpersands_AreEscapedForAttributes()
    {
        var report = HtmlTestKit.WithAccountNames("\"Smith, Jones\" & 'Co'");

        var html = HtmlTestKit.RenderText(report, "<a title=\"{{ dataset.rows[0].values.Account }}\">x</a>");

        html.ShouldBe("<a title=\"&quot;Smith, Jones&quot; &amp; &#39;Co&#39;\">x</a>");
    }

    [Fact]
    public void Raw_WritesTheValueUnescaped()
    {
        var report = HtmlTestKit.WithAccountNames("<b>bold</b>");

        var html = HtmlTestKit.RenderText(report, "{{ dataset.rows[0].values.Account | raw }}");

        html.ShouldBe("<b>bold</b>");
    }

    [Fact]
    public void Pipeline_IsEscapedExactlyOnce()
    {
        var report = HtmlTestKit.WithAccountNames(Script);

        var html = HtmlTestKit.RenderText(report, "{{ dataset.rows[0].values.Account | string.upcase | string.append '&' }}");

        html.ShouldBe("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;&amp;");
    }

    [Fact]
    public void TemplateLiteralMarkup_IsWrittenAsIs_ButStringExpressionsAreEscaped()
    {
        var report = TestReports.Accounts(1);

        var html = HtmlTestKit.RenderText(report, "<em>{{ '<em>' }}</em>{{ '<i>' | raw }}");

        html.ShouldBe("<em>&lt;em&gt;</em><i>");
    }

    [Fact]
    public void ValuesHoldingTemplateSyntax_AreNeverEvaluated()
    {
        var report = HtmlTestKit.WithAccountNames("{{ 6 * 7 }}", "{% 6 * 7 %}");

        var html = HtmlTestKit.RenderText(report, "{{ for row in dataset.rows }}[{{ row.values.Account }}]{{ end }}");

        html.ShouldBe("[{{ 6 * 7 }}][{% 6 * 7 %}]");
    }

    [Fact]
    public void ArrayOfValues_IsEscapedAsAWhole()
    {
        var report = HtmlTestKit.WithAccountNames(Script);

        var html = HtmlTestKit.RenderText(report, "{{ [dataset.rows[0].values.Account] }}");

        html.ShouldNotContain("<script>");
        html.ShouldContain(EscapedScript);
    }

    [Fact]
    public void SafeUrl_DropsJavascriptUrls_AndKeepsHttp()
    {
        var report = TestReports.Accounts(1);

        var html = HtmlTestKit.RenderText(report, "[{{ 'javascript:alert(1)' | safe_url }}][{{ ' JAVASCRIPT:x' | safe_url }}][{{ 'https://example.com/?a=1&b=2' | safe_url }}]");

        html.ShouldBe("[][][https://example.com/?a=1&amp;b=2]");
    }
}
