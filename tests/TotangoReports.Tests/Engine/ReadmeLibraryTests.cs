using System.Reflection;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TotangoReports.Tests.Definition;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Engine;

/// <summary>The README's "Use as a library" program, compiled with Roslyn and run as written.</summary>
public sealed partial class ReadmeLibraryTests
{
    /// <summary>What the SDK's implicit usings give a console project, which the README program is.</summary>
    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    [Fact]
    public async Task ReadmeProgram_CompilesAndRendersTwoThousandSampleAccountsToXlsx()
    {
        // Arrange: the program as the README shows it, run from the repository root (its relative path made absolute),
        // plus one line that hands the stream back to this test.
        var program = ReadmeProgram();
        program.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeLessThanOrEqualTo(10);
        var source = program.Replace("\"sample-config/", "\"" + RepoFiles.PathOf("sample-config").Replace('\\', '/') + "/", StringComparison.Ordinal)
            + $"\n{typeof(ReadmeProgramOutput).FullName}.{nameof(ReadmeProgramOutput.Xlsx)} = xlsx.ToArray();\n";
        var entry = Compile(source);

        // Act
        var printed = await RunAsync(entry);

        // Assert
        printed.ShouldStartWith("2000 accounts, ");
        var bytes = ReadmeProgramOutput.Xlsx.ShouldNotBeNull();
        XlsxSchema.Validate(bytes);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var tables = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.TableDefinitionParts).Select(t => t.Table!).ToList();
        var rows = tables.Select(t => RowsOf(t.Reference!.Value!)).Max();
        rows.ShouldBe(1 + 2000, "the header and 2,000 accounts");
    }

    private static string ReadmeProgram()
    {
        var readme = File.ReadAllText(RepoFiles.PathOf("README.md"));
        var section = readme[readme.IndexOf("## Use as a library", StringComparison.Ordinal)..];
        return CSharpBlock().Match(section).Groups["code"].Value;
    }

    private static MethodInfo Compile(string source)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Append(typeof(ReportEngine).Assembly)
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "ReadmeProgram",
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray()).EntryPoint!;
    }

    private static async Task<string> RunAsync(MethodInfo entry)
    {
        var original = Console.Out;
        using var captured = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Console.SetOut(captured);
        try
        {
            var parameters = entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            if (entry.Invoke(null, parameters) is Task task)
            {
                await task;
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString();
    }

    /// <summary>Rows a table reference such as <c>A1:J2002</c> spans.</summary>
    private static int RowsOf(string reference)
    {
        var rows = reference.Split(':').Select(r => int.Parse(Regex.Match(r, "[0-9]+$").Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return rows[1] - rows[0] + 1;
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

/// <summary>Where the README program, compiled by the test above, leaves its workbook.</summary>
public static class ReadmeProgramOutput
{
    public static byte[]? Xlsx { get; set; }
}
