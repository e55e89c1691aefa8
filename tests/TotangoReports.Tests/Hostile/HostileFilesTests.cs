using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Files that are not what they claim: devices, /proc entries. Each ends quickly with exit 2 and a message that
/// names the file and what to do, and reads no more than the definition size cap.
/// </summary>
public sealed class HostileFilesTests
{
    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/proc/self/environ")]
    public async Task Validate_DeviceOrProcFile_IsRefusedQuickly_WithoutEchoingIt(string path)
    {
        // Arrange
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_API_TOKEN"] = "SENTINEL-files-token-4242";
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "validate", path);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldContain(path + ": is not a regular file", Case.Sensitive, result.ToString());
        (result.Out + result.Error).ShouldNotContain("SENTINEL-files-token-4242");
        (GC.GetTotalAllocatedBytes() - allocatedBefore).ShouldBeLessThan(256L << 20);
    }
}
