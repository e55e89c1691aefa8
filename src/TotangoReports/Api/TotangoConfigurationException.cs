namespace TotangoReports.Api;

/// <summary>A <c>Totango:*</c> setting is invalid.</summary>
public sealed class TotangoConfigurationException : TotangoException
{
    public TotangoConfigurationException(string message)
        : base(message)
    {
    }

    public TotangoConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
