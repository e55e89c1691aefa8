namespace TotangoReports.Cli;

/// <summary>Process exit codes (PRODUCT.md §2), plus <see cref="DeliveryFailed"/> which the contract does not name.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int InvalidInput = 2;
    public const int Unauthorized = 3;
    public const int ApiFailure = 4;
    public const int DataIncomplete = 5;

    /// <summary>The report was rendered but could not be delivered (SMTP refused or unreachable); outputs are untouched.</summary>
    public const int DeliveryFailed = 6;

    /// <summary>Ctrl+C: nothing was changed.</summary>
    public const int Cancelled = 130;

    /// <summary>Held: a warning under <c>--strict</c>; nothing was delivered and the previous files are kept.</summary>
    public const int Held = 7;

    /// <summary>
    /// Done, but the <c>since: last-run</c> watermark could not be saved (the report was written and mailed); the next
    /// delta run repeats this one's accounts. Not in the contract's table, which does not foresee the case.
    /// </summary>
    public const int WatermarkNotSaved = 8;
}
