using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class DiagnosticTests
{
    [Fact]
    public void ToString_PrintsFileLineColumnThenMessage()
    {
        var diagnostic = new Diagnostic(new SourceLocation("weekly.yaml", 12, 7), "unknown key 'colums'");

        diagnostic.ToString().ShouldBe("weekly.yaml:12:7: unknown key 'colums'");
    }
}
