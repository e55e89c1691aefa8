using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Runs;

namespace TotangoReports.Tests.Burst;

/// <summary>
/// The rows digest (<c>when: changed</c>) is a SHA-256 over a documented canonical encoding; the store keeps digests of
/// past runs, so the encoding must never drift, however it is written.
/// </summary>
public sealed class RowsDigestTests
{
    [Fact]
    public void Digest_IsTheSha256OfTheCanonicalEncoding_ForEveryKindOfCell()
    {
        // Arrange: every kind of cell, long and non-ASCII texts, and enough rows to cross the digest's buffer.
        var columns = new TableColumn[] { new("Name", CellKind.Text, null, null), new("Score", CellKind.Number, null, null), new("Renewal", CellKind.Date, null, null), new("Seen", CellKind.DateTime, null, null), new("Other", CellKind.Text, null, null) };
        var rows = Enumerable.Range(0, 3000).Select(i => new object?[]
        {
            i % 7 == 0 ? null : "Acme — 漢字 " + new string('x', i % 200),
            i * 1.1,
            new DateOnly(2027, 1, 1).AddDays(i),
            new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(2)).AddMinutes(i),
            i % 2 == 0 ? 42 : true,
        }).ToArray();
        var report = Rendering.Xlsx.XlsxTestWorkbook.WithDatasets(Rendering.Xlsx.XlsxTestWorkbook.Table("accounts", columns, rows));

        // Act
        var (digest, counts) = RowsDigest.Of(report);

        // Assert
        counts["accounts"].ShouldBe(3000);
        digest.ShouldBe(Reference(report));
    }

    /// <summary>The encoding as documented, one piece at a time: tag, UTF-8 byte length, ':', the UTF-8 bytes.</summary>
    private static string Reference(Report report)
    {
        using var stream = new MemoryStream();
        void Text(string tag, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            stream.Write(Encoding.ASCII.GetBytes(tag + bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
            stream.Write(bytes);
        }

        foreach (var table in report.Datasets)
        {
            Text("dataset", table.Name);
            foreach (var column in table.Columns)
            {
                Text("column", column.Name);
            }

            foreach (var row in table.Rows)
            {
                Text("row", row.AccountId);
                foreach (var cell in row.Values)
                {
                    switch (cell)
                    {
                        case null: Text("n", string.Empty); break;
                        case string s: Text("s", s); break;
                        case double d: Text("d", d.ToString("R", CultureInfo.InvariantCulture)); break;
                        case DateOnly date: Text("D", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                        case DateTimeOffset time: Text("t", time.UtcTicks.ToString(CultureInfo.InvariantCulture)); break;
                        default: Text("o", Convert.ToString(cell, CultureInfo.InvariantCulture)!); break;
                    }
                }
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
