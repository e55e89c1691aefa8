using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TotangoReports.Api;

/// <summary>
/// Settings of the Totango Data API client, bound from the configuration section <c>Totango</c> (PRODUCT.md §3).
/// Defaults are the product's; <see cref="Validate"/> rejects values the client cannot work with.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class TotangoOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Totango";

    /// <summary>Short environment alias of <see cref="ApiToken"/> for cron jobs.</summary>
    public const string TokenAlias = "TOTANGO_API_TOKEN";

    /// <summary>Short environment alias of <see cref="BaseUrl"/>.</summary>
    public const string BaseUrlAlias = "TOTANGO_BASE_URL";

    /// <summary>The API token, sent bare in the <c>Authorization</c> header. A secret: never printed. Default: none.</summary>
    public string? ApiToken { get; set; }

    /// <summary>API host. Default <c>https://app.totango.com</c> (later hosts: api.totango.com, api-eu1.totango.com).</summary>
    public Uri BaseUrl { get; set; } = new("https://app.totango.com");

    /// <summary>Accounts asked per page, 1..1000. Default 1000; the client pages by what the server answers.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Meaning of <c>offset</c>: auto (default), page index, or item index.</summary>
    public OffsetMode OffsetMode { get; set; } = OffsetMode.Auto;

    /// <summary>At most this many requests in any sliding <see cref="RateLimitWindow"/>. Default 100 (the vendor's limit per token).</summary>
    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>
    /// The window <see cref="RequestsPerMinute"/> applies to. Default 60 s; only tests and benchmarks shorten it.
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Pages requested at the same time, 1..32. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Per-attempt timeout in seconds. Default 60.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt for 5xx, 429, timeouts and dropped connections, 0..20. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay in seconds (doubling, with jitter). Default 1.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>Longest single wait between attempts in seconds, also the cap on a server's <c>Retry-After</c>. Default 120.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 120;

    /// <summary>
    /// Binds section <c>Totango</c>. The environment aliases <c>TOTANGO_API_TOKEN</c> and <c>TOTANGO_BASE_URL</c> are
    /// mapped into that section by the configuration layers (<see cref="Configuration.AppConfiguration"/>), where
    /// their precedence is decided once.
    /// Throws <see cref="TotangoConfigurationException"/> for values that cannot be read.
    /// </summary>
    public static TotangoOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TotangoOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value, never the token (a string binds without failing).
            throw new TotangoConfigurationException($"Invalid Totango setting: {ex.Message}", ex);
        }

        return options;
    }

    /// <summary>Throws <see cref="TotangoConfigurationException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("Totango:BaseUrl must be an absolute http(s) URL");
        }

        Check(PageSize is >= 1 and <= 1000, "Totango:PageSize must be between 1 and 1000", problems);
        Check(RequestsPerMinute >= 1, "Totango:RequestsPerMinute must be at least 1", problems);
        Check(RateLimitWindow > TimeSpan.Zero, "Totango:RateLimitWindow must be positive", problems);
        Check(MaxConcurrency is >= 1 and <= 32, "Totango:MaxConcurrency must be between 1 and 32", problems);
        Check(TimeoutSeconds >= 1, "Totango:TimeoutSeconds must be at least 1", problems);
        Check(MaxRetries is >= 0 and <= 20, "Totango:MaxRetries must be between 0 and 20", problems);
        Check(RetryBaseDelaySeconds >= 0, "Totango:RetryBaseDelaySeconds must not be negative", problems);
        Check(MaxRetryDelaySeconds >= RetryBaseDelaySeconds, "Totango:MaxRetryDelaySeconds must be at least RetryBaseDelaySeconds", problems);
        Check(Enum.IsDefined(OffsetMode), "Totango:OffsetMode must be auto, page or item", problems);
        if (problems.Count > 0)
        {
            throw new TotangoConfigurationException(string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Every setting but the token, which shows only whether it is set.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BaseUrl={Internal.UrlText.Display(BaseUrl)}, ApiToken={(string.IsNullOrEmpty(ApiToken) ? "(none)" : "(set)")}, PageSize={PageSize}, OffsetMode={OffsetMode}, RequestsPerMinute={RequestsPerMinute}, RateLimitWindow={RateLimitWindow}, MaxConcurrency={MaxConcurrency}, TimeoutSeconds={TimeoutSeconds}, MaxRetries={MaxRetries}");

    /// <summary>A copy, so callers can adjust one run without touching shared settings.</summary>
    public TotangoOptions Clone() => (TotangoOptions)MemberwiseClone();

    private static void Check(bool ok, string problem, List<string> problems)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
