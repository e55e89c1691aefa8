namespace TotangoReports.Api;

/// <summary>A <c>Totango:*</c> setting is invalid. Exit code 2 (invalid arguments).</summary>
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

    public override int ExitCode => 2;
}
