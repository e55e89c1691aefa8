using PuppeteerSharp;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Preview;

/// <summary>Headless Chromium (the system's, through PuppeteerSharp) with one page open on a preview.</summary>
internal sealed class PreviewBrowser : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly TempDirectory _profile;

    private PreviewBrowser(IBrowser browser, IPage page, TempDirectory profile)
    {
        _browser = browser;
        Page = page;
        _profile = profile;
    }

    public IPage Page { get; }

    /// <summary>Requests that left the machine (anything but 127.0.0.1, data: and about:); should stay empty.</summary>
    public List<string> OutsideRequests { get; } = [];

    public static async Task<PreviewBrowser> OpenAsync(Uri url)
    {
        var executable = HeadlessChromium.RequireExecutable();
        var profile = new TempDirectory();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            UserDataDir = profile.Path,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var opened = new PreviewBrowser(browser, page, profile);
        page.Request += (_, e) =>
        {
            var requested = new Uri(e.Request.Url);
            if (requested.Scheme is not ("data" or "about") && requested.Host != "127.0.0.1")
            {
                lock (opened.OutsideRequests)
                {
                    opened.OutsideRequests.Add(e.Request.Url);
                }
            }
        };
        await page.GoToAsync(url.ToString());
        await opened.WaitForVersionAsync(1);
        return opened;
    }

    /// <summary>Waits until the page shows render <paramref name="version"/> or later (watched by a DOM observer).</summary>
    public async Task WaitForVersionAsync(long version, int timeoutMs = 20_000) =>
        await Page.WaitForFunctionAsync(
            $"() => Number(document.body.dataset.version || 0) >= {version}",
            new WaitForFunctionOptions { Polling = WaitForFunctionPollingOption.Mutation, Timeout = timeoutMs });

    public Task<T> EvalAsync<T>(string expression) => Page.EvaluateExpressionAsync<T>(expression);

    /// <summary>The sandboxed frame of the HTML output (srcdoc), reached through the DevTools protocol.</summary>
    public async Task<IFrame> HtmlOutputFrameAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var frame in Page.Frames.Where(f => f != Page.MainFrame && !f.Detached))
            {
                try
                {
                    if (await frame.EvaluateExpressionAsync<bool>("document.readyState === 'complete' && !!document.querySelector('h1')"))
                    {
                        return frame;
                    }
                }
                catch (PuppeteerException)
                {
                    // The frame was replaced by a newer render while we asked it.
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("the page has no loaded HTML output frame");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _profile.Dispose();
    }
}
