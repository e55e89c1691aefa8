namespace TotangoReports.Delivery;

/// <summary>The mail could not be delivered; the message says why and what to do.</summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
