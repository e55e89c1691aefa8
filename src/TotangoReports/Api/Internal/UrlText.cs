namespace TotangoReports.Api.Internal;

/// <summary>
/// A base URL as it may be shown: <c>TOTANGO_BASE_URL</c> can carry a proxy's <c>user:password@</c>, which must not
/// reach a message, a log or <c>run.json</c>.
/// </summary>
internal static class UrlText
{
    public static string Display(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return url?.ToString() ?? string.Empty;
        }

        return new UriBuilder(url) { UserName = "***", Password = string.Empty }.Uri.ToString();
    }

    /// <summary>The password part of the URL's userinfo (percent-decoded, as a server might echo it), or null.</summary>
    public static string? Password(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
    }

    /// <summary>The password of a URL given as text (configuration, environment), or null.</summary>
    public static string? Password(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var parsed) ? Password(parsed) : null;
}
