using System.Globalization;
using System.Text;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Secrets in the shapes real deployments hand them over: a token with the line break of a Kubernetes secret file
/// or a CRLF env file, a server echoing it at the end of a long message, a proxy password in the base URL's userinfo.
/// Stdout, stderr and every file the run leaves must hold none of it, not even a prefix.
/// </summary>
public sealed class HostileSecretsTests
{
    private const string Token = "SENTINEL-tok-secret-9a8b7c6d";
    private const string ProxyPassword = "SENTINEL-proxy-pass-31337";

    public static TheoryData<string, string> Echoes() => new()
    {
        { "\n", "json-long" },
        { "\r\n", "json-long" },
        { "\r", "text-long" },
        { "\n", "text-short" },
        { "\n", "json-200" },
        { "\r\n", "json-200" },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task TokenWithLineBreak_EchoedAtTheEndOfALongMessage_NeverShowsNorAPrefix(string lineBreak, string shape)
    {
        // Arrange: the token ends where a 300-character cut falls, or is echoed whole in a short text body.
        var padding = new string('x', 280) + " token ";
        var body = shape switch
        {
            "json-long" => "{\"_error\":\"" + padding + Token + " refused\"}",
            "text-long" => padding + Token + " refused",
            "json-200" => "{\"_error\":\"bad token " + Token + "\"}",
            _ => "bad token " + Token,
        };
        var status = shape == "json-200" ? 200 : 400;
        await using var server = HostileHttpServer.Start((_, stream, _, ct) => HostileHttpServer.WriteAsync(stream, body, status: status, cancellationToken: ct));
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page", Token + lineBreak);
        var definition = await HostileApiTests.DefinitionAsync(cli);
        var produced = new List<string>();

        // Act
        foreach (var verbosity in new[] { "--verbose", "--quiet" })
        {
            var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email", verbosity);
            result.ExitCode.ShouldBe(4, result.ToString());
            produced.Add(result.Out + result.Error);
        }

        // Assert
        produced.AddRange(FilesUnder(cli));
        var prefix = Token[..12];
        produced.ShouldAllBe(t => !t.Contains(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProxyPasswordInBaseUrl_IsMaskedInTheManifestAndInErrors()
    {
        // Arrange: a good list first, then a server that always fails.
        var failing = false;
        await using var server = HostileHttpServer.Start((request, stream, _, ct) => Volatile.Read(ref failing)
            ? HostileHttpServer.WriteAsync(stream, "{\"_error\":\"busy\"}", status: 503, cancellationToken: ct)
            : HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(HostileApiTests.Slice(request, item: false), "250"), cancellationToken: ct));
        var withUserInfo = new UriBuilder(server.BaseUrl) { UserName = "proxyuser", Password = ProxyPassword }.Uri;
        using var cli = HostileApiTests.Harness(withUserInfo, "page");
        var definition = await HostileApiTests.DefinitionAsync(cli);

        // Act
        var ok = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email", "--verbose");
        Volatile.Write(ref failing, true);
        var failed = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email", "--verbose");

        // Assert
        ok.ExitCode.ShouldBe(0, ok.ToString());
        failed.ExitCode.ShouldBe(4, failed.ToString());
        var manifest = await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken);
        manifest.ShouldContain(server.BaseUrl.Authority, Case.Sensitive, "the source is still named");
        string[] produced = [ok.Out, ok.Error, failed.Out, failed.Error, .. FilesUnder(cli)];
        produced.ShouldAllBe(t => !t.Contains(ProxyPassword, StringComparison.Ordinal) && !t.Contains("proxyuser", StringComparison.Ordinal));
    }

    private static IEnumerable<string> FilesUnder(CliHarness cli) =>
        Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f)) + "@" + f.ToString(CultureInfo.InvariantCulture));
}
