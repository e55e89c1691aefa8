namespace TotangoReports.Api;

/// <summary>A <c>Totango:*</c> setting is invalid.</summary>
public sealed class TotangoConfigurationException : TotangoException
{
    /// <summary>Creates the exception.</summary>
    public TotangoConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TotangoConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
