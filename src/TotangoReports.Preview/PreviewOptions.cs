using System.Net;

namespace TotangoReports.Preview;

/// <summary>Settings of the live preview (<c>serve</c>): what to render, from which data, and where to listen.</summary>
public sealed class PreviewOptions
{
    /// <summary>The definition file (absolute path); its folder and its templates' folders are watched.</summary>
    public required string DefinitionPath { get; init; }

    /// <summary>Where the data comes from. Default the built-in sample; <see cref="ReportSource.Live"/> only when asked.</summary>
    public ReportSource Source { get; init; } = ReportSource.Sample();

    /// <summary>The engine's options (renderers, clock, logger). No SMTP: the preview never mails.</summary>
    public ReportEngineOptions Engine { get; init; } = new();

    /// <summary>The address to listen on; only loopback is accepted (the page shows your data).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port on <see cref="Host"/>; 0 = any free port.</summary>
    public int Port { get; init; } = 5090;

    /// <summary>How long the watcher waits for a burst of saves (editors write several times) before rendering.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(75);

    /// <summary>The <c>pdftoppm</c> executable that draws PDF pages as images; null = look it up on PATH.</summary>
    public string? PdfRasteriser { get; init; }

    /// <summary>How many PDF pages are drawn (the rest are counted, not shown).</summary>
    public int MaxPdfPages { get; init; } = 6;

    /// <summary>Rows shown per XLSX sheet and for the CSV.</summary>
    public int MaxRows { get; init; } = 100;

    /// <summary>The loopback address <see cref="Host"/> names; throws <see cref="ArgumentException"/> for anything else.</summary>
    public IPAddress ResolveLoopback()
    {
        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(Host, out var address) && IPAddress.IsLoopback(address))
        {
            return address;
        }

        throw new ArgumentException($"the preview listens on loopback only (127.0.0.1, ::1 or localhost), not '{Host}': it shows your report data", nameof(Host));
    }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DefinitionPath);
        ResolveLoopback();
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException("port must be between 0 and 65535", nameof(Port));
        }
    }
}
