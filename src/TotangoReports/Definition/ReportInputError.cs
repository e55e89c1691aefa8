namespace TotangoReports.Definition;

/// <summary>Which input of a report run could not be used; <see cref="ReportInputException.Error"/>.</summary>
public enum ReportInputError
{
    /// <summary>The definition has errors (the message lists them as <c>file:line:col: message</c>).</summary>
    InvalidDefinition,

    /// <summary>A parameter value was given for a name the definition does not declare.</summary>
    UnknownParameter,

    /// <summary>The definition has no output of the formats asked for.</summary>
    NoMatchingOutput,

    /// <summary>A <c>since</c> (the definition's, or the caller's override) cannot be read.</summary>
    InvalidSince,

    /// <summary>The state file of <c>since: last-run</c> cannot be read.</summary>
    InvalidState,

    /// <summary>The definition sends mail, but the SMTP settings are missing or invalid.</summary>
    EmailNotConfigured,

    /// <summary>A snapshot would replace the folder that holds the definition.</summary>
    SnapshotFolderHoldsDefinition,

    /// <summary>A snapshot would replace a folder that holds other files.</summary>
    SnapshotFolderNotEmpty,

    /// <summary>The definition's time zone is unknown on this machine.</summary>
    UnknownTimeZone,

    /// <summary>The output folder is a file, lies under a file, or cannot be written.</summary>
    OutputFolderUnusable,

    /// <summary>The <c>burst.recipients</c> file can't be read, or an entry in it is not an address.</summary>
    BurstRecipients,
}
