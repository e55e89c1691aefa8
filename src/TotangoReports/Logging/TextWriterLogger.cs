using Microsoft.Extensions.Logging;

namespace TotangoReports.Logging;

/// <summary>Plain log lines to a writer (stderr in the CLI), at or above a level, secrets redacted.</summary>
internal sealed class TextWriterLogger(TextWriter writer, LogLevel minimum, SecretRedactor redactor) : ILogger
{
    private readonly object _gate = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var prefix = logLevel switch
        {
            LogLevel.Trace or LogLevel.Debug => "debug: ",
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => string.Empty,
        };
        var text = prefix + formatter(state, exception);
        if (exception is not null && minimum <= LogLevel.Debug)
        {
            text += Environment.NewLine + exception;
        }

        lock (_gate)
        {
            writer.WriteLine(redactor.Redact(text));
            writer.Flush();
        }
    }
}
