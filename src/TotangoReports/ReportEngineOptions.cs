using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Logging;
using TotangoReports.Rendering.Csv;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports;

/// <summary>
/// Everything a <see cref="ReportEngine"/> is configured with, typed: no configuration files or environment are read.
/// Every default is the product's (the defaults of each options class).
/// </summary>
public sealed class ReportEngineOptions
{
    /// <summary>The Totango Data API client (token, host, paging, rate limit, retries); also how any source is paged.</summary>
    public TotangoOptions Totango { get; init; } = new();

    /// <summary>The SMTP server for <c>delivery.email</c>; null = none (a run that must mail then fails early).</summary>
    public SmtpOptions? Smtp { get; init; }

    /// <summary>The store of watermarks and history (PRODUCT.md §8). Default SQLite in <c>.totango-reports.db</c> beside the definition.</summary>
    public StoreOptions Store { get; init; } = new();

    /// <summary>Options of the xlsx renderer.</summary>
    public XlsxRendererOptions Xlsx { get; init; } = new();

    /// <summary>Options of the pdf renderer.</summary>
    public PdfRendererOptions Pdf { get; init; } = new();

    /// <summary>Options of the html renderer (chart mode, sandbox limits).</summary>
    public HtmlRendererOptions Html { get; init; } = new();

    /// <summary>Options of the csv renderer.</summary>
    public CsvRendererOptions Csv { get; init; } = new();

    /// <summary>The clock: "now" of every report, back-off waits. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the engine logs progress and warnings. Default none.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Receives fetch progress (pages, accounts, retries) per query. Default none.</summary>
    public IProgress<FetchProgress>? Progress { get; init; }

    /// <summary>
    /// For a process that runs one report and exits (the CLI sets it): after a large run's data is fetched, after it is
    /// built and after each output, the memory that stage let go is collected and returned to the system, so the peak
    /// follows what the run holds rather than what it has finished with. Off by default: a host
    /// doing other work keeps its own garbage-collection policy. Runs under 20,000 accounts never collect.
    /// </summary>
    public bool ReturnMemoryBetweenStages { get; init; }

    /// <summary>The CLI's redactor, which knows secrets from every configuration layer; the engine adds its own.</summary>
    internal SecretRedactor? Redactor { get; init; }
}
