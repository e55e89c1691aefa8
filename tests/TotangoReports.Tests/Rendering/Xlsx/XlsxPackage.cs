using System.IO.Compression;
using System.Xml.Linq;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>Reads the images anchored on a worksheet straight from the OPC package (workbook → sheet → drawing → media).</summary>
internal static class XlsxPackage
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Drawing = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /// <summary>The bytes of every picture drawn on <paramref name="sheetName"/>, in drawing order.</summary>
    public static IReadOnlyList<byte[]> Pictures(byte[] xlsx, string sheetName)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var workbook = Load(zip, "xl/workbook.xml");
        var sheetId = workbook.Descendants(Main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName).Attribute(Rel + "id")!.Value;
        var sheetPath = Resolve("xl/workbook.xml", Target(zip, "xl/workbook.xml", sheetId));
        var drawingId = Load(zip, sheetPath).Descendants(Main + "drawing").SingleOrDefault()?.Attribute(Rel + "id")?.Value;
        if (drawingId is null)
        {
            return [];
        }

        var drawingPath = Resolve(sheetPath, Target(zip, sheetPath, drawingId));
        return Load(zip, drawingPath)
            .Descendants(Drawing + "pic")
            .Select(pic => pic.Descendants(A + "blip").Single().Attribute(Rel + "embed")!.Value)
            .Select(id => Read(zip, Resolve(drawingPath, Target(zip, drawingPath, id))))
            .ToList();
    }

    private static string Target(ZipArchive zip, string part, string id)
    {
        var rels = Path.Combine(Path.GetDirectoryName(part)!, "_rels", Path.GetFileName(part) + ".rels").Replace('\\', '/');
        return Load(zip, rels).Descendants(PackageRel + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
    }

    private static string Resolve(string from, string target) =>
        target.StartsWith('/') ? target[1..] : Path.GetRelativePath("/", Path.GetFullPath(Path.Combine("/", Path.GetDirectoryName(from)!, target))).Replace('\\', '/');

    private static XDocument Load(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
