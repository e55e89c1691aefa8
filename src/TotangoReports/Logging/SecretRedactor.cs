namespace TotangoReports.Logging;

/// <summary>
/// Replaces known secrets (the API token, the SMTP password) with <c>***</c> in any text about to leave the process.
/// Defence in depth: code never formats a secret on purpose; this catches the accident.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        // Normalised once, as the clients use it: a token read from a file or a CRLF env file ends in a line break
        // that the HTTP client trims, so a server echoes it without one.
        secret = secret?.Trim();

        // Very short values would mask ordinary words; a real token is long.
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6 && !_secrets.Contains(secret))
        {
            lock (_secrets)
            {
                _secrets.Add(secret);
                _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text) || _secrets.Count == 0)
        {
            return text;
        }

        lock (_secrets)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
