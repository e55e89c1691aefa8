namespace TotangoReports.Runs;

/// <summary>A failure the user can act on: its message is printed as one line and the process exits with <see cref="ExitCode"/>.</summary>
public sealed class ReportRunException : Exception
{
    public ReportRunException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public ReportRunException(int exitCode, string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
