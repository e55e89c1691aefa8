using Npgsql;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Definition;
using TotangoReports.Logging;
using TotangoReports.Store.Internal;

namespace TotangoReports.Store;

/// <summary>
/// Which store a definition uses (PRODUCT.md §8) and under which key. Opening is free: nothing is connected or
/// created until the store is first read or written.
/// </summary>
internal static class StoreFactory
{
    private static readonly string[] SqliteKeys = ["Data Source", "DataSource", "Filename"];

    /// <summary>
    /// The key a definition's watermarks and history are kept under: its file name without the extension
    /// (<c>weekly-usage</c> for <c>/etc/reports/weekly-usage.yaml</c>). Stable across machines and folders, so pods that
    /// mount the definition at different paths share one history; two definitions of one store need distinct file names.
    /// </summary>
    public static string KeyOf(ReportDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Path.GetFileNameWithoutExtension(definition.SourcePath);
    }

    /// <param name="sqlitePath">A SQLite file that overrides the options (<see cref="BuildOptions.StatePath"/>); null = the options decide.</param>
    /// <param name="redactor">Learns the store's password, which is a secret like the token.</param>
    public static SqlReportStore Open(StoreOptions options, ReportDefinition definition, string? sqlitePath, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Open(options, definition.BaseDirectory, sqlitePath, redactor);
    }

    /// <param name="baseDirectory">Where the default store is and a relative <c>Data Source</c> points: the definition's folder.</param>
    public static SqlReportStore Open(StoreOptions options, string baseDirectory, string? sqlitePath, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redactor);
        if (sqlitePath is not null)
        {
            return new SqlReportStore(new SqliteDialect(Path.GetFullPath(sqlitePath), options.BusyTimeout));
        }

        if (options.ConnectionString is not { } text)
        {
            return new SqlReportStore(new SqliteDialect(Path.Combine(baseDirectory, StoreOptions.DefaultFileName), options.BusyTimeout));
        }

        var parsed = new System.Data.Common.DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            // The text is not echoed: it may hold a password.
            throw new TotangoConfigurationException("Store:ConnectionString is not a connection string: use 'Data Source=PATH' for SQLite or 'Host=…;Database=…;Username=…' for PostgreSQL (PRODUCT.md §8).");
        }

        if (parsed.ContainsKey("Host") || parsed.ContainsKey("Server"))
        {
            return Postgres(text, options, redactor);
        }

        var source = SqliteKeys.Select(k => parsed.TryGetValue(k, out var v) ? v as string : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (source is null)
        {
            throw new TotangoConfigurationException("Store:ConnectionString names no store: use 'Data Source=PATH' for SQLite or 'Host=…;Database=…;Username=…' for PostgreSQL (PRODUCT.md §8).");
        }

        // A relative file is beside the definition, as the default is.
        return new SqlReportStore(new SqliteDialect(Path.GetFullPath(source, baseDirectory), options.BusyTimeout));
    }

    private static SqlReportStore Postgres(string text, StoreOptions options, SecretRedactor redactor)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new TotangoConfigurationException("Store:ConnectionString is not a PostgreSQL connection string Npgsql accepts (" + ex.GetType().Name + "); see https://www.npgsql.org/doc/connection-string-parameters.html");
        }

        if (string.IsNullOrEmpty(builder.Password) && !string.IsNullOrEmpty(options.Password))
        {
            builder.Password = options.Password;
        }

        redactor.Add(builder.Password);
        var description = $"PostgreSQL store {builder.Host}:{builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{builder.Database ?? builder.Username}";
        return new SqlReportStore(new PostgresDialect(builder.ConnectionString, description, options.BusyTimeout));
    }
}
