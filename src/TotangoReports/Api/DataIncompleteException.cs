
namespace TotangoReports.Api;

/// <summary>
/// The list could not be read whole: the unique accounts read still disagreed with <c>total_items</c> after one
/// re-read. <see cref="Summary"/> says what was missing (for the manifest).
/// </summary>
public sealed class DataIncompleteException : TotangoException
{
    /// <summary>Creates the exception with what was read of the list.</summary>
    public DataIncompleteException(string message, FetchSummary summary)
        : base(message)
    {
        Summary = summary;
    }

    /// <summary>What was read, and the gaps per query.</summary>
    public FetchSummary Summary { get; }
}
