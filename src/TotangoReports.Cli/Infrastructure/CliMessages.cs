using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>
/// The library's typed failures said in the CLI's words: which flag to change (<c>--param</c>, <c>--format</c>,
/// <c>--since</c>, <c>--save</c>, <c>--no-email</c>) and where the settings live.
/// </summary>
internal static class CliMessages
{
    /// <summary>A folder <c>fetch --save</c> would replace that holds the working directory or the definition.</summary>
    public static string SaveFolderHoldsInputs(string directory) =>
        $"--save {directory}: that folder holds the working directory or the definition; name a folder of its own, e.g. --save snapshots/2026-11-23";

    public static string For(ReportInputException input) => input.Error switch
    {
        ReportInputError.UnknownParameter => $"--param {input.Subject}: {input.Detail}",
        ReportInputError.NoMatchingOutput => $"{input.Subject}: {input.Detail}; add one under 'outputs' or change --format",
        ReportInputError.EmailNotConfigured => $"{input.Subject} sends email, but {input.Detail}; fix the SMTP configuration or pass --no-email",
        ReportInputError.InvalidSince => $"{input.Subject ?? "--since"}: {input.Detail}",
        ReportInputError.SnapshotFolderHoldsDefinition => SaveFolderHoldsInputs(input.Subject!),
        ReportInputError.SnapshotFolderNotEmpty => $"--save {input.Subject}: {input.Detail}",
        ReportInputError.OutputFolderUnusable => input.Detail!.StartsWith("cannot write", StringComparison.Ordinal) ? $"--out {input.Subject}: {input.Detail}" : $"--out {input.Subject} {input.Detail}",
        _ => input.Message,
    };

    /// <summary><c>--strict</c> held the run: how many warnings, and the first.</summary>
    public static string Held(Delivery.ReportHeldException held) => !held.Strict ? held.Message :
        $"held under --strict: {held.Warnings.Count} warning(s), the first: {(held.Warnings.Count > 0 ? held.Warnings[0] : string.Empty)} Nothing was delivered; the previous files are kept.";

    /// <summary>No token: name the environment variable, the configuration key and the flags that need none.</summary>
    public static string NoToken =>
        $"No Totango API token: set {TotangoOptions.TokenAlias} (or Totango:ApiToken in totango-reports.json), or use --sample / --snapshot DIR to run without the API.";
}
