using System.Globalization;
using TotangoReports.Configuration;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Burst;

/// <summary>A book-of-business definition over the sample list: account N belongs to owner N mod 50, mailed at csmN@example.com.</summary>
internal static class BurstKit
{
    public const string Definition = """
        title: Book of business
        timezone: UTC
        datasets:
          accounts:
            list: 1
            columns:
              - { name: id, path: account_id }
              - { name: name, path: name }
              - { name: score, path: engagement.score.current, type: number }
              - { name: Owner, expr: '"owner" + ((string.to_int (string.slice id 1)) % 50)' }
              - { name: Owner email, expr: '"csm" + ((string.to_int (string.slice id 1)) % 50) + "@example.com"' }
        summary:
          kpis:
            - { label: Accounts, value: count }
            - { label: Total score, value: sum(score) }
        burst: { by: Owner, to: Owner email }
        outputs:
          - { format: xlsx, file: book.xlsx }
          - { format: csv, file: book.csv }
        delivery:
          email:
            to: vp@example.com
            subject: "Book {{ burst.value }}"
            body: summary
            attach: [xlsx, csv]
        """;

    public static SmtpOptions Smtp(LoopbackSmtpServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        From = "reports@example.com",
        UseTls = false,
        MaxRetries = 0,
    };

    public static ReportEngine Engine(LoopbackSmtpServer server) => new(new ReportEngineOptions { Smtp = Smtp(server) });

    public static RunOptions Options(string folder) => new() { OutputDirectory = folder, SendSampleMail = true };

    /// <summary>The owner number of an owner address (csm7@example.com → 7).</summary>
    public static int OwnerOf(string address) => int.Parse(address[3..address.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
}
