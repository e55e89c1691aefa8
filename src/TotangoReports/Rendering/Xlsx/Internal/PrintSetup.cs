using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// Makes every sheet print: landscape, one page wide (as many pages down as it takes), a data sheet's header row
/// repeated on every page, a footer with the sheet name and "Page x of y". SpreadCheetah writes none of that, so the finished
/// package is copied entry by entry and each data sheet's XML is patched as it streams past: a sheetPr at the start
/// and the page setup right after the rows, where the schema orders them; the workbook gets the print titles.
/// </summary>
internal static partial class PrintSetup
{
    private const string SheetProperties = "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>";

    // Margins in inches: narrow sides for wide tables, room at the bottom for the footer.
    private const string PageSettings =
        "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>" +
        "<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>" +
        "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>";

    private static readonly byte[] RowsEnd = "</sheetData>"u8.ToArray();

    /// <summary>Elements the schema puts after the page setup; it goes before the first of them.</summary>
    private static readonly string[] After = ["<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

    /// <param name="dataSheets">Names of the data sheets, whose row 1 is the header repeated on every printed page.</param>
    public static async Task CopyAsync(Stream package, Stream destination, IReadOnlySet<string> dataSheets, CompressionLevel level, CancellationToken cancellationToken)
    {
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = SheetsOf(source);
        // Every sheet prints landscape and one page wide (the Summary too: its tables and charts are as wide as a
        // landscape page); only data sheets repeat a header row.
        var targets = sheets.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copy = target.CreateEntry(entry.FullName, level);
            copy.LastWriteTime = entry.LastWriteTime;
            var input = entry.Open();
            await using var inputDisposal = input.ConfigureAwait(false);
            var output = copy.Open();
            await using var outputDisposal = output.ConfigureAwait(false);
            if (targets.Contains(entry.FullName))
            {
                await PatchSheetAsync(input, output, cancellationToken).ConfigureAwait(false);
            }
            else if (entry.FullName == "xl/workbook.xml")
            {
                await PatchWorkbookAsync(input, output, sheets, dataSheets, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sheet names in workbook order with their part paths, from workbook.xml and its relationships.</summary>
    private static List<(string Name, string Path)> SheetsOf(ZipArchive archive)
    {
        var workbook = ReadText(archive, "xl/workbook.xml");
        var relations = ReadText(archive, "xl/_rels/workbook.xml.rels");
        var targets = Relationship().Matches(relations).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["target"].Value, StringComparer.Ordinal);
        return Sheet().Matches(workbook)
            .Select(m => (Name: System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value), Target: targets.GetValueOrDefault(m.Groups["id"].Value, string.Empty)))
            .Select(s => (s.Name, Path: s.Target.StartsWith('/') ? s.Target[1..] : "xl/" + s.Target))
            .ToList();
    }

    private static string ReadText(ZipArchive archive, string path)
    {
        using var reader = new StreamReader(archive.GetEntry(path)?.Open() ?? throw new InvalidDataException($"The workbook has no {path}."), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task PatchWorkbookAsync(Stream input, Stream output, List<(string Name, string Path)> sheets, IReadOnlySet<string> dataSheets, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        var xml = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var names = new StringBuilder("<definedNames>");
        for (var i = 0; i < sheets.Count; i++)
        {
            if (dataSheets.Contains(sheets[i].Name))
            {
                var quoted = "'" + sheets[i].Name.Replace("'", "''", StringComparison.Ordinal) + "'";
                names.Append(System.Globalization.CultureInfo.InvariantCulture, $"<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{System.Security.SecurityElement.Escape(quoted)}!$1:$1</definedName>");
            }
        }

        names.Append("</definedNames>");
        var at = xml.IndexOf("</sheets>", StringComparison.Ordinal);
        if (at >= 0 && !xml.Contains("<definedNames", StringComparison.Ordinal))
        {
            xml = xml.Insert(at + "</sheets>".Length, names.ToString());
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a sheet through: the rows (nearly all of it) pass in chunks; only the start tag and the short tail after
    /// <c>&lt;/sheetData&gt;</c> are rewritten.
    /// </summary>
    private static async Task PatchSheetAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        var headDone = false;
        while (true)
        {
            var read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            filled += read;
            if (!headDone)
            {
                var text = Encoding.UTF8.GetString(buffer, 0, filled);
                var start = text.IndexOf("<worksheet", StringComparison.Ordinal);
                var close = start < 0 ? -1 : text.IndexOf('>', start);
                if (close < 0 && read > 0 && filled < buffer.Length)
                {
                    continue;
                }

                if (close >= 0 && !text.Contains("<sheetPr", StringComparison.Ordinal))
                {
                    var cut = Encoding.UTF8.GetByteCount(text.AsSpan(0, close + 1));
                    await output.WriteAsync(buffer.AsMemory(0, cut), cancellationToken).ConfigureAwait(false);
                    await output.WriteAsync(Encoding.UTF8.GetBytes(SheetProperties), cancellationToken).ConfigureAwait(false);
                    buffer.AsSpan(cut, filled - cut).CopyTo(buffer);
                    filled -= cut;
                }

                headDone = true;
            }

            var end = buffer.AsSpan(0, filled).IndexOf(RowsEnd);
            if (end >= 0 || read == 0)
            {
                // The tail is small (auto filter, table parts): read it whole and put the page setup in place.
                using var rest = new MemoryStream();
                rest.Write(buffer, 0, filled);
                await input.CopyToAsync(rest, cancellationToken).ConfigureAwait(false);
                var tail = Encoding.UTF8.GetString(rest.GetBuffer(), 0, (int)rest.Length);
                var rowsEnd = tail.IndexOf("</sheetData>", StringComparison.Ordinal);
                var insertAt = After.Select(a => tail.IndexOf(a, Math.Max(rowsEnd, 0), StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(tail.Length).Min();
                if (rowsEnd >= 0 && !tail.Contains("<pageSetup", StringComparison.Ordinal))
                {
                    tail = tail.Insert(insertAt, PageSettings);
                }

                await output.WriteAsync(Encoding.UTF8.GetBytes(tail), cancellationToken).ConfigureAwait(false);
                return;
            }

            // Keep the last few bytes: the marker may straddle two reads.
            var keep = Math.Min(filled, RowsEnd.Length - 1);

            // The tail is decoded as text: never cut inside a UTF-8 character (a continuation byte 10xxxxxx would
            // decode as U+FFFD and leave the character's first byte alone in the output, an invalid part).
            while (keep < filled && (buffer[filled - keep] & 0xC0) == 0x80)
            {
                keep++;
            }

            await output.WriteAsync(buffer.AsMemory(0, filled - keep), cancellationToken).ConfigureAwait(false);
            buffer.AsSpan(filled - keep, keep).CopyTo(buffer);
            filled = keep;
        }
    }

    [GeneratedRegex("<sheet\\b[^>]*?\\bname=\"(?<name>[^\"]*)\"[^>]*?\\br:id=\"(?<id>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Sheet();

    [GeneratedRegex("<Relationship\\b(?=[^>]*\\bId=\"(?<id>[^\"]*)\")(?=[^>]*\\bTarget=\"(?<target>[^\"]*)\")[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Relationship();
}
