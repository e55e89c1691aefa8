namespace TotangoReports.Definition;

/// <summary>
/// An input of a report run (definition, parameters, <c>since</c>, state file, SMTP settings, snapshot folder) cannot
/// be used. The message says what and where in the library's words; <see cref="Error"/>, <see cref="Subject"/> and
/// <see cref="Detail"/> let a front end (the CLI) say the same in its own words.
/// </summary>
public sealed class ReportInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportInputException(ReportInputError error, string message, string? subject = null, string? detail = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Subject = subject;
        Detail = detail;
    }

    /// <summary>Which input is at fault.</summary>
    public ReportInputError Error { get; }

    /// <summary>
    /// The value at fault as the caller gave it: the unknown parameter names, the snapshot folder, the definition
    /// path or location; null when the value came from an override (<c>since</c>).
    /// </summary>
    public string? Subject { get; }

    /// <summary>What is wrong with <see cref="Subject"/>, without the remedy.</summary>
    public string? Detail { get; }
}
