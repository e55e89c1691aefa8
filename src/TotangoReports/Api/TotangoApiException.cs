namespace TotangoReports.Api;

/// <summary>The API answered with an error, malformed data, or kept failing after every retry.</summary>
public sealed class TotangoApiException : TotangoException
{
    /// <summary>Creates the exception.</summary>
    public TotangoApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TotangoApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The last HTTP status seen, or null for network failures and bad bodies.</summary>
    public int? StatusCode { get; init; }
}
