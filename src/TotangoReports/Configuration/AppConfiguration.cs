using Microsoft.Extensions.Configuration;

namespace TotangoReports.Configuration;

/// <summary>
/// Layered configuration (PRODUCT.md §3), later wins: the options classes' defaults → <c>totango-reports.json</c> in the working
/// directory (or <c>--config FILE</c>) → environment variables (<c>Totango__MaxRetries</c>, and the short aliases
/// <c>TOTANGO_API_TOKEN</c>, <c>TOTANGO_BASE_URL</c>) → command-line overrides.
/// </summary>
internal static class AppConfiguration
{
    public const string DefaultFileName = "totango-reports.json";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        [Api.TotangoOptions.TokenAlias] = "Totango:ApiToken",
        [Api.TotangoOptions.BaseUrlAlias] = "Totango:BaseUrl",
    };

    /// <param name="configFile">An explicit file (must exist), or null for <c>totango-reports.json</c> in <paramref name="workingDirectory"/> if present.</param>
    /// <param name="environment">The environment variables to read (the process environment in production; a dictionary in tests).</param>
    public static IConfiguration Build(
        string? configFile,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        // No defaults here: the options classes (TotangoOptions, SmtpOptions) are their one source; an unset key keeps them.

        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile, workingDirectory);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"configuration file '{configFile}' does not exist", full);
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        else
        {
            var local = Path.Combine(workingDirectory, DefaultFileName);
            if (File.Exists(local))
            {
                builder.AddJsonFile(local, optional: true, reloadOnChange: false);
            }
        }

        // The standard mapping: Totango__ApiToken → Totango:ApiToken, for every key.
        var mapped = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (Aliases.TryGetValue(name, out var key))
            {
                // An alias only fills a key the long form did not set.
                mapped.TryAdd(key, value);
            }
            else if (name.Contains("__", StringComparison.Ordinal))
            {
                mapped[name.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        builder.AddInMemoryCollection(mapped);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    /// <summary>The process environment as a dictionary (what <see cref="Build"/> takes in production).</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = (string?)entry.Value;
        }

        return result;
    }
}
