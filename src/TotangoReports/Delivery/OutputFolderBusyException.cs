namespace TotangoReports.Delivery;

/// <summary>Another run kept the output folder locked for longer than this run would wait. The CLI exits 2.</summary>
public sealed class OutputFolderBusyException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OutputFolderBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
