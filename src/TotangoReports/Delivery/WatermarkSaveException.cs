namespace TotangoReports.Delivery;

/// <summary>
/// The report was written (and mailed) but the <c>since: last-run</c> watermark could not be saved: the run's job is
/// done, yet the next delta run will look back to the old watermark and include this run's accounts again.
/// Exit code <see cref="ExitCodes.WatermarkNotSaved"/>.
/// </summary>
public sealed class WatermarkSaveException : IOException
{
    public WatermarkSaveException(string statePath, Exception innerException)
        : base(
            $"the report files were written and any mail was sent, but the watermark could not be saved to {statePath}: {innerException?.Message} The next since: last-run run will start from the previous watermark and include this run's accounts again; make the file and its folder writable.",
            innerException)
    {
        StatePath = statePath;
    }

    public string StatePath { get; }
}
