namespace TotangoReports.Delivery;

/// <summary>Another run kept the output folder locked for longer than this run would wait. Exit code 2.</summary>
public sealed class OutputFolderBusyException : IOException
{
    public OutputFolderBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
