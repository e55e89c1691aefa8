namespace TotangoReports.Store;

/// <summary>
/// The store (PRODUCT.md §8) cannot be used: a damaged or foreign file, a schema newer than this version, a database
/// that refuses the connection. The message names the store and what to do; it never holds its password.
/// The CLI exits 1.
/// </summary>
public sealed class ReportStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
