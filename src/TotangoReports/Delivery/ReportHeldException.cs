namespace TotangoReports.Delivery;

/// <summary>
/// A failed <c>checks:</c> entry, or <see cref="RunOptions.Strict"/>: the report had warnings (an empty dataset, a path, activity or window no account
/// has, a failed expression), so the run stopped before anything was written or mailed; the previous files are kept.
/// The CLI exits 7.
/// </summary>
public sealed class ReportHeldException : Exception
{
    /// <summary>Creates the exception for the warnings that held the run.</summary>
    public ReportHeldException(IReadOnlyList<string> warnings)
        : base($"held (strict): {warnings?.Count ?? 0} warning(s), the first: {(warnings is { Count: > 0 } ? warnings[0] : string.Empty)} Nothing was delivered; the previous files are kept.")
    {
        Warnings = warnings ?? [];
        Strict = true;
    }

    /// <summary>Creates the exception for a run held by its <c>checks:</c> (<paramref name="reasons"/>: each failed check with its values).</summary>
    public ReportHeldException(string message, IReadOnlyList<string> reasons)
        : base(message)
    {
        Warnings = reasons ?? [];
    }

    /// <summary>Held by <see cref="RunOptions.Strict"/> (the warnings); false = held by a failed check (the reasons).</summary>
    public bool Strict { get; }

    /// <summary>Every warning of the report, in order.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
