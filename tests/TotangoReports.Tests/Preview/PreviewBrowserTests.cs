namespace TotangoReports.Tests.Preview;

/// <summary>The preview in a real browser: headless Chromium on the page, files changed on disk, the DOM observed.</summary>
[Trait("Category", "Slow")]
public sealed class PreviewBrowserTests
{
    [Fact]
    public async Task Serve_TemplateColourAndColumnSaved_PageUpdatesInPlace_KeepingScroll()
    {
        await using var preview = await PreviewFolder.StartAsync();
        await using var browser = await PreviewBrowser.OpenAsync(preview.Host.Url);
        (await ColourOfHeadingAsync(browser)).ShouldBe("rgb(17, 34, 51)");
        await browser.EvalAsync<string>("window.__sameDocument = 'yes'");
        await browser.EvalAsync<double>("window.scrollTo(0, 400), window.scrollY");

        PreviewFolder.Save(preview.TemplatePath, PreviewFolder.Template("#aa0000"));
        PreviewFolder.Save(preview.DefinitionPath, PreviewFolder.Definition.Replace("name: Score,", "name: Engagement,", StringComparison.Ordinal));
        await browser.Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('details.csv td.b')].some(td => td.textContent === 'Engagement')",
            new PuppeteerSharp.WaitForFunctionOptions { Polling = PuppeteerSharp.WaitForFunctionPollingOption.Mutation, Timeout = 20_000 });

        (await browser.EvalAsync<string>("window.__sameDocument")).ShouldBe("yes", "the page reloaded instead of updating in place");
        (await browser.EvalAsync<double>("window.scrollY")).ShouldBe(400, tolerance: 1);
        (await ColourOfHeadingAsync(browser)).ShouldBe("rgb(170, 0, 0)");
        (await browser.EvalAsync<string[]>("[...[...document.querySelectorAll('details.sheet')].find(d => d.querySelector('summary').textContent.startsWith('accounts')).querySelector('tr').children].map(td => td.textContent)"))
            .ShouldBe(["Account", "Engagement"]);
        (await browser.EvalAsync<string[]>("[...document.querySelectorAll('details.csv td.b')].map(td => td.textContent)")).ShouldNotContain("Score");
        browser.OutsideRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Serve_BrokenTemplate_ShowsErrorWithLineBesideLastGood_ThenRecovers()
    {
        await using var preview = await PreviewFolder.StartAsync();
        await using var browser = await PreviewBrowser.OpenAsync(preview.Host.Url);
        var broken = PreviewFolder.Template("#112233").Replace("<p>{{ dataset.row_count }} accounts</p>", "<p>{{ if }} accounts</p>", StringComparison.Ordinal);

        PreviewFolder.Save(preview.TemplatePath, broken);
        await WaitForStateAsync(browser, "error");

        var error = await browser.EvalAsync<string>("document.querySelector('#error').textContent");
        error.ShouldContain("report.sbn:4:");
        (await browser.EvalAsync<string>("document.querySelector('#error pre.source').textContent")).ShouldContain("<p>{{ if }} accounts</p>");
        (await browser.EvalAsync<int>("document.querySelectorAll('#last-good iframe.html-output').length")).ShouldBe(1);

        PreviewFolder.Save(preview.TemplatePath, PreviewFolder.Template("#00aa00"));
        await WaitForStateAsync(browser, "ok");

        (await browser.EvalAsync<int>("document.querySelectorAll('#error').length")).ShouldBe(0);
        (await ColourOfHeadingAsync(browser)).ShouldBe("rgb(0, 170, 0)");
    }

    private static async Task WaitForStateAsync(PreviewBrowser browser, string state) =>
        await browser.Page.WaitForFunctionAsync(
            $"() => document.querySelector('#render')?.dataset.state === '{state}'",
            new PuppeteerSharp.WaitForFunctionOptions { Polling = PuppeteerSharp.WaitForFunctionPollingOption.Mutation, Timeout = 20_000 });

    private static async Task<string> ColourOfHeadingAsync(PreviewBrowser browser)
    {
        var frame = await browser.HtmlOutputFrameAsync();
        return await frame.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('h1')).color");
    }
}
