namespace TotangoReports.Rendering.Xlsx;

/// <summary>How <see cref="XlsxRenderer"/> lays out the workbook. Defaults suit the weekly activity summary.</summary>
public sealed class XlsxRendererOptions
{
    /// <summary>Widest a column gets, in characters of the standard font; longer text wraps. Default 60.</summary>
    public double MaxColumnWidth { get; init; } = 60;

    /// <summary>Narrowest a column gets, in characters. Default 8.</summary>
    public double MinColumnWidth { get; init; } = 8;

    /// <summary>How many rows (from the top) are measured to size columns; the rest are streamed unseen. Default 1000.</summary>
    public int WidthSampleRows { get; init; } = 1000;

    /// <summary>Put the report's charts (health, activity, top accounts) on the Summary sheet as PNG images. Default true.</summary>
    public bool IncludeCharts { get; init; } = true;

    /// <summary>Chart image width in pixels. Default 640.</summary>
    public int ChartWidth { get; init; } = 640;

    /// <summary>Chart image height in pixels. Default 360.</summary>
    public int ChartHeight { get; init; } = 360;

    /// <summary>The column (matched case-insensitively) whose Good/Average/Poor values are shaded green/amber/red. Default <c>Health</c>.</summary>
    public string HealthColumn { get; init; } = "Health";

    /// <summary>The numeric column (matched case-insensitively) shaded by <see cref="ScoreGoodFrom"/>/<see cref="ScorePoorBelow"/>. Default <c>Score</c>.</summary>
    public string ScoreColumn { get; init; } = "Score";

    /// <summary>Scores at or above this are shaded green. Default 70.</summary>
    public double ScoreGoodFrom { get; init; } = 70;

    /// <summary>Scores below this are shaded red; those in between amber. Default 40.</summary>
    public double ScorePoorBelow { get; init; } = 40;

    /// <summary>Smaller files at some CPU cost. Default false (fastest deflate: the workbook is written once, read rarely).</summary>
    public bool OptimalCompression { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (MinColumnWidth is < 1 or > 255)
        {
            throw new ArgumentException("XlsxRendererOptions.MinColumnWidth must be between 1 and 255.", nameof(MinColumnWidth));
        }

        if (MaxColumnWidth < MinColumnWidth || MaxColumnWidth > 255)
        {
            throw new ArgumentException("XlsxRendererOptions.MaxColumnWidth must be between MinColumnWidth and 255.", nameof(MaxColumnWidth));
        }

        if (WidthSampleRows < 0)
        {
            throw new ArgumentException("XlsxRendererOptions.WidthSampleRows must not be negative.", nameof(WidthSampleRows));
        }

        if (ChartWidth is < 100 or > 4000 || ChartHeight is < 100 or > 4000)
        {
            throw new ArgumentException("XlsxRendererOptions.ChartWidth and ChartHeight must be between 100 and 4000 pixels.", nameof(ChartWidth));
        }

        if (string.IsNullOrWhiteSpace(HealthColumn) || string.IsNullOrWhiteSpace(ScoreColumn))
        {
            throw new ArgumentException("XlsxRendererOptions.HealthColumn and ScoreColumn must not be empty.", nameof(HealthColumn));
        }

        if (ScorePoorBelow > ScoreGoodFrom)
        {
            throw new ArgumentException("XlsxRendererOptions.ScorePoorBelow must not exceed ScoreGoodFrom.", nameof(ScorePoorBelow));
        }
    }
}
