namespace TotangoReports.Cli.Infrastructure;

/// <summary>A command-line input the CLI itself rejects (a flag's value, a folder): printed as is, exit 2.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
