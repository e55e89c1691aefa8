using TotangoReports.Configuration;

namespace TotangoReports.Cli;

/// <summary>Everything the CLI touches outside itself, so tests run it in-process with their own streams and variables.</summary>
public sealed class CliEnvironment
{
    /// <summary>Results: the files written, the schema, the emulator's address.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Progress, logs and errors.</summary>
    public required TextWriter Error { get; init; }

    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stderr is an interactive terminal: progress bars and colour instead of plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Where <c>--sample</c>-free runs and the emulator wait; tests stop the emulator through it.</summary>
    public CancellationToken Lifetime { get; init; }

    /// <summary>Secrets met during this invocation (token, SMTP password), masked in everything printed.</summary>
    internal Logging.SecretRedactor Redactor { get; } = new();

    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Variables = AppConfiguration.ProcessEnvironment(),
        ErrorIsTerminal = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"),
    };
}
