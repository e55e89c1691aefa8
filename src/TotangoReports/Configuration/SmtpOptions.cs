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

    public static SmtpOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new SmtpOptions();
        configuration.GetSection("Smtp").Bind(options);
        return options;
    }

    /// <summary>Problems that make sending impossible, as user-facing sentences.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Smtp:Host is not set (environment variable Smtp__Host)");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("Smtp:From is not set (environment variable Smtp__From)");
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
