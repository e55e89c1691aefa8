namespace TotangoReports.Api;

/// <summary>
/// Base of every failure the Totango client reports; <see cref="ExitCode"/> is the CLI exit code (PRODUCT.md §2).
/// Messages never contain the API token.
/// </summary>
public abstract class TotangoException : Exception
{
    protected TotangoException(string message)
        : base(message)
    {
    }

    protected TotangoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public abstract int ExitCode { get; }
}
