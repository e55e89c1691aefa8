namespace TotangoReports.Delivery;

/// <summary>The mail could not be delivered; the message says why and what to do.</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
