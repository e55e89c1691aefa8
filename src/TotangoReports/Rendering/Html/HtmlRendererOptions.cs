namespace TotangoReports.Rendering.Html;

/// <summary>
/// Settings of <see cref="HtmlRenderer"/>: chart drawing and the sandbox limits a template runs under.
/// The defaults render a 100,000-row <c>accounts</c> table comfortably while stopping runaway templates.
/// </summary>
public sealed class HtmlRendererOptions
{
    /// <summary>Inline SVG (default) or <c>cid:</c> image references for mail bodies.</summary>
    public HtmlChartMode ChartMode { get; init; } = HtmlChartMode.Svg;

    /// <summary>Chart width in CSS pixels. Default 600 (fits the 640 px email column); 100–2000.</summary>
    public int ChartWidth { get; init; } = 600;

    /// <summary>Chart height in CSS pixels. Default 300; 60–2000.</summary>
    public int ChartHeight { get; init; } = 300;

    /// <summary>
    /// Most loop iterations a render may run, counted across nested loops and inside builtins such as ranges.
    /// Default 5,000,000 (a table of 100,000 rows × 40 columns); 1–100,000,000.
    /// </summary>
    public int LoopLimit { get; init; } = 5_000_000;

    /// <summary>Deepest nesting of template function calls and includes. Default 64; 1–256 (deeper would risk the stack).</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>Longest text a single value may turn into (string building included). Default 1,048,576 characters.</summary>
    public int MaxValueChars { get; init; } = 1_048_576;

    /// <summary>Largest document a render may write. Default 50,000,000 characters; at least 1,024.</summary>
    public int MaxOutputChars { get; init; } = 50_000_000;

    /// <summary>Wall-clock budget of one render. Default 30 s; more than zero, at most 1 hour.</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each <c>regex.*</c> call. Default 1 s; more than zero, at most <see cref="RenderTimeout"/>.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock the render timeout is measured with (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public HtmlRendererOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChartWidth, 100, nameof(ChartWidth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChartWidth, 2000, nameof(ChartWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChartHeight, 60, nameof(ChartHeight));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChartHeight, 2000, nameof(ChartHeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(LoopLimit, 1, nameof(LoopLimit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LoopLimit, 100_000_000, nameof(LoopLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecursiveLimit, 1, nameof(RecursiveLimit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RecursiveLimit, 256, nameof(RecursiveLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxValueChars, 1024, nameof(MaxValueChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutputChars, 1024, nameof(MaxOutputChars));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RenderTimeout, TimeSpan.Zero, nameof(RenderTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RenderTimeout, TimeSpan.FromHours(1), nameof(RenderTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegexTimeout, TimeSpan.Zero, nameof(RegexTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RegexTimeout, RenderTimeout, nameof(RegexTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        return this;
    }
}
