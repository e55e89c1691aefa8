using Microsoft.Extensions.Configuration;

namespace TotangoReports.Configuration;

/// <summary>
/// Where the store lives (configuration section <c>Store</c>; environment <c>Store__ConnectionString</c>,
/// <c>Store__Password</c>): the <c>since: last-run</c> watermarks, the history and the record of deliveries (PRODUCT.md §8).
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The store's default file name, beside the definition.</summary>
    public const string DefaultFileName = ".totango-reports.db";

    /// <summary>
    /// Null = SQLite in <see cref="DefaultFileName"/> beside the definition. <c>Data Source=PATH</c> = SQLite at PATH
    /// (relative to the definition's folder); <c>Host=…;Database=…;Username=…</c> = PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL password when the connection string has none. A secret: never printed.</summary>
    public string? Password { get; set; }

    /// <summary>How long a run waits for another run's write to the store before it gives up. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Store</c> section of the configuration.</summary>
    public static StoreOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Store");
        var options = new StoreOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(section["ConnectionString"]) ? null : section["ConnectionString"],
            Password = string.IsNullOrEmpty(section["Password"]) ? null : section["Password"],
        };
        if (int.TryParse(section["BusyTimeoutSeconds"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            options.BusyTimeout = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }
}
