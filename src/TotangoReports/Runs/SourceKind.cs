namespace TotangoReports.Runs;

/// <summary>Where a run's data comes from; only live data (or a caller's own source) is real.</summary>
internal enum SourceKind
{
    /// <summary>The Totango Data API.</summary>
    Live,

    /// <summary>The built-in sample data: outputs are marked, no mail unless asked, the watermark stays.</summary>
    Sample,

    /// <summary>Pages saved earlier, read offline.</summary>
    Snapshot,

    /// <summary>A caller's own source of pages.</summary>
    Custom,
}
