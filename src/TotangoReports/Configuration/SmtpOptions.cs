using Microsoft.Extensions.Configuration;

namespace TotangoReports.Configuration;

/// <summary>SMTP settings (configuration section <c>Smtp</c>; environment <c>Smtp__Host</c> ...). Never in a definition.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>465 means TLS on connect; any other port upgrades with STARTTLS. Default 587.</summary>
    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>
    /// Unset or true: TLS as the port says (465 SSL on connect, else STARTTLS, required). False: plain text —
    /// for a relay on localhost only. Certificates are always validated.
    /// </summary>
    public bool? UseTls { get; set; }

    /// <summary>Longest wait for any one read or write of the SMTP conversation.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Longest the whole delivery may take, retries included (default 300 s): a server dripping its answers a byte
    /// at a time never trips the per-read <see cref="TimeoutSeconds"/>, and must not keep a cron run alive forever.
    /// </summary>
    public int DeadlineSeconds { get; set; } = 300;

    /// <summary>How often a temporary (4xx) refusal is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    private readonly List<string> _unreadable = [];

    /// <summary>
    /// The <c>Smtp</c> section. A value that does not parse (an empty <c>Smtp__Port</c>, <c>UseTls=maybe</c>) is not
    /// an exception here: <see cref="Validate"/> names its key, so the run stops before fetching with exit 2.
    /// </summary>
    public static SmtpOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Smtp");
        var options = new SmtpOptions
        {
            Host = section["Host"],
            User = section["User"],
            Password = section["Password"],
            From = section["From"],
        };
        options.Port = options.Read(section, "Port", options.Port, int.TryParse);
        options.TimeoutSeconds = options.Read(section, "TimeoutSeconds", options.TimeoutSeconds, int.TryParse);
        options.MaxRetries = options.Read(section, "MaxRetries", options.MaxRetries, int.TryParse);
        options.RetryDelay = options.Read(section, "RetryDelay", options.RetryDelay, TimeSpan.TryParse);
        if (section["UseTls"] is not null)
        {
            options.UseTls = options.Read(section, "UseTls", true, static (string text, IFormatProvider _, out bool value) => bool.TryParse(text, out value));
        }

        return options;
    }

    private delegate bool Parser<T>(string text, IFormatProvider provider, out T value);

    private T Read<T>(IConfigurationSection section, string key, T fallback, Parser<T> parse)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _unreadable.Add($"Smtp:{key} '{text}' is not a valid {typeof(T).Name switch { "Int32" => "whole number", "Boolean" => "true/false", "TimeSpan" => "time span (hh:mm:ss)", var other => other }} (environment variable Smtp__{key})");
        return fallback;
    }

    /// <summary>No host: SMTP is not set up at all (a demo skips the mail); anything else wrong is a configuration error.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Problems that make sending impossible, as user-facing sentences.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(_unreadable);
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Smtp:Host is not set (environment variable Smtp__Host)");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("Smtp:From is not set (environment variable Smtp__From)");
        }

        else if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"Smtp:From '{From}' is not a mail address; write e.g. reports@example.com (environment variable Smtp__From)");
        }

        if (Port is <= 0 or > 65535)
        {
            problems.Add("Smtp:Port must be between 1 and 65535");
        }

        if (DeadlineSeconds < 1)
        {
            problems.Add("Smtp:DeadlineSeconds must be at least 1");
        }

        if (MaxRetries < 0)
        {
            problems.Add("Smtp:MaxRetries must not be negative");
        }

        return problems;
    }
}
