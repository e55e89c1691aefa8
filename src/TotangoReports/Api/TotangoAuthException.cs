namespace TotangoReports.Api;

/// <summary>No token, or the API refused it (HTTP 300, 401 or 403). Never retried.</summary>
public sealed class TotangoAuthException : TotangoException
{
    /// <summary>Creates the exception.</summary>
    public TotangoAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TotangoAuthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the API answered, or null when no request was made (no token).</summary>
    public int? StatusCode { get; init; }
}
