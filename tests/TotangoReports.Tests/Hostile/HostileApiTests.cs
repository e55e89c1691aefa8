using System.Globalization;
using System.Net.Sockets;
using System.Text;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Servers that lie or break at the transport level (a hand-written HTTP server on loopback, not the emulator):
/// every run ends with a complete report, or exit 4/5 naming the list and the page, quickly and in bounded memory —
/// never exit 1, never a hang, never a partial output.
/// </summary>
public sealed class HostileApiTests
{
    private const int Accounts = 250;
    private const int PageSize = 100;
    private const long MemoryBound = 300L << 20;

    public static TheoryData<string, string> AbsurdTotals() => new()
    {
        { "1000000000000", "page" },
        { "10000000000000000000", "page" },
        { "2147483648", "page" },
        { "1000000000000", "item" },
        { "2147483648", "item" },
    };

    [Theory]
    [MemberData(nameof(AbsurdTotals))]
    public async Task AbsurdTotalItems_EndsWithinSecondsInBoundedMemory_NamingListAndPage(string total, string mode)
    {
        // Arrange: 250 real accounts, but every page claims the absurd total.
        await using var server = HostileHttpServer.Start((request, stream, _, ct) =>
            HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(Slice(request, mode == "item"), total), cancellationToken: ct));
        using var cli = Harness(server.BaseUrl, mode);
        var definition = await DefinitionAsync(cli);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        TestContext.Current.SendDiagnosticMessage($"total {total} ({mode}): exit {result.ExitCode} in {clock.Elapsed.TotalSeconds:0.0} s, {allocated >> 20} MB allocated, {server.Requests} requests: {result.Error.Trim()}");
        result.ExitCode.ShouldBeOneOf([4, 5], result.ToString());
        NamesListAndPage(result);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        allocated.ShouldBeLessThan(MemoryBound);
        NoOutputBut(cli, result.ExitCode == 5 ? ["run.incomplete.json"] : []);
    }

    public static TheoryData<string> BrokenTransports() =>
    [
        "body-reset", "body-cut-short", "lying-gzip", "retry-after-1e12", "retry-after-infinity", "retry-after-nan",
    ];

    [Theory]
    [MemberData(nameof(BrokenTransports))]
    public async Task BrokenTransportOnEveryAttempt_ExitsFourNamingListAndPage(string family)
    {
        // Arrange: page 2 (offset 1) breaks the same way on every attempt.
        var attempts = 0;
        await using var server = HostileHttpServer.Start(async (request, stream, socket, ct) =>
        {
            var body = HostileHttpServer.Page(Slice(request, item: false), Accounts.ToString(CultureInfo.InvariantCulture));
            if (request.Offset != 1)
            {
                await HostileHttpServer.WriteAsync(stream, body, cancellationToken: ct);
                return;
            }

            Interlocked.Increment(ref attempts);
            await BreakAsync(family, body, stream, socket, ct);
        });
        using var cli = Harness(server.BaseUrl, "page");
        var definition = await DefinitionAsync(cli);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        TestContext.Current.SendDiagnosticMessage($"{family}: exit {result.ExitCode}, {server.Requests} requests: {result.Error.Trim()}");
        result.ExitCode.ShouldBe(4, result.ToString());
        NamesListAndPage(result);
        result.Error.ShouldContain("page 2", Case.Sensitive, result.ToString());
        attempts.ShouldBe(3, "page 2 retried, then given up: MaxRetries 2");
        NoOutputBut(cli, []);
    }

    [Fact]
    public async Task ByteOrderMarkBeforeEveryPage_IsSkipped_AndTheReportIsComplete()
    {
        // Arrange
        await using var server = HostileHttpServer.Start((request, stream, _, ct) =>
        {
            var page = Encoding.UTF8.GetBytes(HostileHttpServer.Page(Slice(request, item: false), "250"));
            return HostileHttpServer.WriteAsync(stream, [0xEF, 0xBB, 0xBF, .. page], cancellationToken: ct);
        });
        using var cli = Harness(server.BaseUrl, "page");
        var definition = await DefinitionAsync(cli);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        (await CsvIdsAsync(cli)).ShouldBe([.. HostileHttpServer.Ids(0, Accounts)]);
    }

    [Fact]
    public async Task ItemOffsetServerWhoseLaterPagesAreShorter_StepsByWhatEachPageReturned()
    {
        // Arrange: an item-offset server answering 100 accounts first, then never more than 60.
        await using var server = HostileHttpServer.Start((request, stream, _, ct) =>
        {
            var count = request.Offset == 0 ? PageSize : 60;
            var ids = HostileHttpServer.Ids(request.Offset, Math.Min(count, Accounts - request.Offset));
            return HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(ids, "250"), cancellationToken: ct);
        });
        using var cli = Harness(server.BaseUrl, "item");
        var definition = await DefinitionAsync(cli);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        (await CsvIdsAsync(cli)).ShouldBe([.. HostileHttpServer.Ids(0, Accounts)]);
    }

    [Fact]
    public async Task DuplicateIdWithinOnePageOfAStableList_ExitsFiveNamingThePage_WithoutRereading()
    {
        // Arrange: page 2 lists its first account twice (in place of its last), the same on every read.
        await using var server = HostileHttpServer.Start((request, stream, _, ct) =>
        {
            var ids = Slice(request, item: false).ToList();
            if (request.Offset == 1)
            {
                ids[^1] = ids[0];
            }

            return HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(ids, "250"), cancellationToken: ct);
        });
        using var cli = Harness(server.BaseUrl, "page");
        var definition = await DefinitionAsync(cli);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(5, result.ToString());
        result.Error.ShouldContain("page 2 (offset 1) lists account_id a000100 more than once", Case.Sensitive, result.ToString());
        result.Error.ShouldContain("a rerun will not help", Case.Sensitive, result.ToString());
        result.Error.ShouldNotContain("probably changed", Case.Sensitive, result.ToString());
        server.Requests.ShouldBe(3, "one read: a second cannot change what the server says");
        NoOutputBut(cli, ["run.incomplete.json"]);
    }

    internal static CliHarness Harness(Uri baseUrl, string mode, string token = "hostile-api-token")
    {
        var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = baseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = token;
        cli.Variables["Totango__PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Totango__OffsetMode"] = mode;
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        cli.Variables["Totango__MaxRetryDelaySeconds"] = "0.05";
        cli.Variables["Totango__MaxRetries"] = "2";
        cli.Variables["Totango__TimeoutSeconds"] = "5";
        return cli;
    }

    internal static async Task<string> DefinitionAsync(CliHarness cli)
    {
        var definition = cli.PathOf("hostile-api.yaml");
        await File.WriteAllTextAsync(definition, HostileCorpus.AccountsCsvDefinition, TestContext.Current.CancellationToken);
        return definition;
    }

    /// <summary>The accounts a well-behaved server would answer for this request.</summary>
    internal static IEnumerable<string> Slice(HostileRequest request, bool item)
    {
        var from = item ? request.Offset : request.Offset * PageSize;
        return HostileHttpServer.Ids(from, Math.Min(PageSize, Accounts - from));
    }

    private static async Task BreakAsync(string family, string body, NetworkStream stream, Socket socket, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        switch (family)
        {
            case "body-reset":
                await HostileHttpServer.WriteAsync(stream, bytes[..200], contentLength: bytes.Length, cancellationToken: ct);
                socket.LingerState = new LingerOption(true, 0); // close with RST
                socket.Close();
                break;
            case "body-cut-short":
                await HostileHttpServer.WriteAsync(stream, bytes[..200], contentLength: bytes.Length, cancellationToken: ct);
                break;
            case "lying-gzip":
                await HostileHttpServer.WriteAsync(stream, bytes, "Content-Encoding: gzip\r\n", cancellationToken: ct);
                break;
            case "retry-after-1e12":
                await HostileHttpServer.WriteAsync(stream, "{}", "Retry-After: 1e12\r\n", 503, ct);
                break;
            case "retry-after-infinity":
                await HostileHttpServer.WriteAsync(stream, "{}", "Retry-After: Infinity\r\n", 429, ct);
                break;
            case "retry-after-nan":
                await HostileHttpServer.WriteAsync(stream, "{}", "Retry-After: NaN\r\n", 503, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(family));
        }
    }

    private static void NamesListAndPage(CliResultBox result)
    {
        result.Error.ShouldContain("list 1", Case.Sensitive, result.ToString());
        result.Error.ShouldMatch(@"error: .*page \d", result.ToString());
        result.Error.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        result.Error.ShouldNotContain("unexpected failure", Case.Sensitive, result.ToString());
    }

    private static void NoOutputBut(CliHarness cli, string[] allowed)
    {
        var files = Directory.Exists(cli.PathOf("out")) ? Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories) : [];
        files.Select(Path.GetFileName).ShouldBe(allowed, "no partial output on failure");
    }

    private static async Task<List<string>> CsvIdsAsync(CliHarness cli)
    {
        var csv = await File.ReadAllLinesAsync(cli.PathOf("out", "accounts.csv"), TestContext.Current.CancellationToken);
        return [.. csv.Skip(1).Select(l => l.Split(',')[0].Trim('"', '\uFEFF'))];
    }
}
