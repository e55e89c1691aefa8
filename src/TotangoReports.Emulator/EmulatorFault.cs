using TotangoReports.Definition;

namespace TotangoReports.Emulator;

/// <summary>
/// One injected fault: when a request hits <see cref="Page"/> (0-based page index, as the server reads the offset)
/// of a query with <see cref="Return"/>, answer with it instead of the page, <see cref="Times"/> times.
/// </summary>
public sealed class EmulatorFault
{
    /// <summary>Page index the fault applies to; null = every page.</summary>
    public int? Page { get; init; }

    /// <summary>Return type the fault applies to; null = every one.</summary>
    public ReturnType? Return { get; init; }

    /// <summary>How many more requests this fault answers; decremented as it fires.</summary>
    public int Times { get; set; } = 1;

    /// <summary>HTTP status to answer (e.g. 500, 503, 429, 400, 401). Ignored when <see cref="Truncate"/> or <see cref="Hang"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>Body to send with <see cref="StatusCode"/>; default <c>{"_error": "..."}</c>.</summary>
    public string? Body { get; init; }

    /// <summary><c>Retry-After</c> header value (seconds or an HTTP date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Send the real page with status 200 but only its first half (valid HTTP, broken JSON).</summary>
    public bool Truncate { get; init; }

    /// <summary>Drop the connection without answering (a network failure).</summary>
    public bool Drop { get; init; }

    /// <summary>Never answer (until the client gives up): a timeout.</summary>
    public bool Hang { get; init; }
}
