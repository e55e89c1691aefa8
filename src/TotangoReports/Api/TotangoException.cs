namespace TotangoReports.Api;

/// <summary>
/// Base of every failure the Totango client reports; each kind is its own type, so a caller (the CLI: PRODUCT.md §2) maps them to what it needs.
/// Messages never contain the API token.
/// </summary>
public abstract class TotangoException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected TotangoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    protected TotangoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
