using Microsoft.Extensions.Time.Testing;
using Scriban.Runtime;
using TotangoReports.Fixtures;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Html.Internal;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>What a template can not do: reach .NET, evaluate strings as code, or run without bounds.</summary>
public sealed class SandboxTests
{
    [Fact]
    public void ClrMembers_OfValuesAndBuiltins_AreNotReachable()
    {
        var report = TestReports.Accounts(2);

        var html = HtmlTestKit.RenderText(report, "[{{ report.generated_at.Year }}][{{ report.generated_at.GetType }}][{{ date.now.Ticks }}][{{ report.title.Length }}][{{ dataset.rows[0].cells[2].value.GetType }}]");

        html.ShouldBe("[][][][][]");
    }

    [Theory]
    [InlineData("{{ '1 + 1' | object.eval }}")]
    [InlineData("{{ '{{ 1 + 1 }}' | object.eval_template }}")]
    [InlineData("{{ include_join ['_footer.sbn'] ',' }}")]
    public void CodeEvaluatingBuiltins_AreRemoved(string template)
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, template));

        error.Message.ShouldStartWith("snippet.sbn:1:");
        error.Message.ShouldContain("was not found");
    }

    [Fact]
    public void TemplateModel_HoldsOnlyScriptDataPrimitivesAndItsOwnFunctions()
    {
        var report = TestReports.Accounts(15);
        var model = TemplateModel.Build(report, report.Datasets[0], new HtmlRendererOptions());

        var values = Walk(model).ToList();

        var offenders = values.Where(v => v is not (null or ScriptObject or ScriptArray or ReadOnlyModel or string or double or int or long or bool or DateTime or DelegateCustomFunction)).ToList();
        offenders.ShouldBeEmpty();
        values.OfType<CellModel>().Distinct().Count().ShouldBe(15 * 12);
    }

    [Fact]
    public void LoopLimit_StopsARunawayLoop_WithItsLocation()
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "ok\n{{ for i in 1..1000 }}{{ end }}", new HtmlRendererOptions { LoopLimit = 100 }));

        error.Message.ShouldStartWith("snippet.sbn:2:");
        error.Message.ShouldContain("limit");
    }

    [Fact]
    public void RecursiveLimit_StopsUnboundedRecursion()
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "{{ func f(x); ret f(x); end; f(1) }}", new HtmlRendererOptions { RecursiveLimit = 10 }));

        error.Message.ShouldStartWith("snippet.sbn:1:");
        error.Message.ShouldContain("recursive");
    }

    /// <summary>
    /// GHSA-m2p3-hwv5-xpqw: LimitToString was checked per value, so a value just under it, written in a loop,
    /// grew the output without bound (≈1 GB). The cumulative output limit stops it.
    /// </summary>
    [Fact]
    public async Task Ghsa_m2p3_CumulativeOutputBelowPerValueLimit_IsStoppedByTheOutputLimit()
    {
        var report = TestReports.Accounts(1);
        const string Attack = "{{ x = '' | string.pad_left 1048575 }}{{ for i in 1..1000 }}{{ x }}{{ end }}";
        var options = new HtmlRendererOptions();
        using var sink = new CountingStream();

        var error = await Should.ThrowAsync<RenderException>(() => RenderTemplateFileAsync(report, Attack, options, sink));

        error.Message.ShouldContain("output");
        sink.Written.ShouldBeLessThanOrEqualTo(options.MaxOutputChars * 3L);
    }

    /// <summary>GHSA-c875-h985-hvrc: builtins iterated without counting against LoopLimit (a range piped to array.size).</summary>
    [Fact]
    public void Ghsa_c875_RangeThroughBuiltin_CountsAgainstLoopLimit()
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "{{ 1..100000000 | array.size }}"));

        error.Message.ShouldStartWith("snippet.sbn:1:");
        error.Message.ShouldContain("LoopLimit");
    }

    /// <summary>GHSA-c875-h985-hvrc, memory variant: string multiplication allocated whatever it was asked for.</summary>
    [Fact]
    public void Ghsa_c875_StringMultiplication_IsBoundedByTheValueLimit()
    {
        var report = TestReports.Accounts(1);

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "{{ 'A' * 200000000 }}"));

        error.Message.ShouldStartWith("snippet.sbn:1:");
        error.Message.ShouldContain("LimitToString");
    }

    [Fact]
    public void RenderTimeout_StopsATemplateThatRunsTooLong()
    {
        var report = TestReports.Accounts(1);
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var options = new HtmlRendererOptions { TimeProvider = clock, RenderTimeout = TimeSpan.FromSeconds(10) };

        var error = Should.Throw<RenderException>(() => HtmlTestKit.RenderText(report, "{{ for i in 1..1000 }}{{ i }}{{ end }}", options));

        error.Message.ShouldStartWith("snippet.sbn:1:");
        error.Message.ShouldContain("RenderTimeout");
    }

    [Fact]
    public void CallerCancellation_IsReportedAsCancellation_NotAsATemplateError()
    {
        var report = TestReports.Accounts(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => HtmlTestKit.RenderTextWithToken(report, "{{ for i in 1..10 }}{{ i }}{{ end }}", null, cancelled.Token));
    }

    [Fact]
    public void Options_OutOfRange_AreRejectedByName()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new HtmlRenderer(new HtmlRendererOptions { LoopLimit = 0 }));

        error.ParamName.ShouldBe(nameof(HtmlRendererOptions.LoopLimit));
    }

    private static async Task RenderTemplateFileAsync(TotangoReports.Data.Report report, string template, HtmlRendererOptions options, Stream destination)
    {
        using var folder = new TempDirectory();
        folder.Write("attack.sbn", template);
        var output = new TotangoReports.Definition.OutputDefinition { Format = TotangoReports.Definition.OutputFormat.Html, File = "x.html", Template = "attack.sbn" };
        await new HtmlRenderer(options).RenderAsync(report.DefinedIn(folder.Path), output, destination, TestContext.Current.CancellationToken);
    }

    private static IEnumerable<object?> Walk(object? value)
    {
        yield return value;
        IEnumerable<object?> children = value switch
        {
            ScriptArray a => a.Cast<object?>(),
            IScriptObject o => o.GetMembers().Select(m => o.TryGetValue(null, default, m, out var child) ? child : null).ToList(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var nested in Walk(child))
            {
                yield return nested;
            }
        }
    }

    /// <summary>A write-only stream that counts bytes and keeps none, so an attack that gets through costs no memory here.</summary>
    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;
    }
}
