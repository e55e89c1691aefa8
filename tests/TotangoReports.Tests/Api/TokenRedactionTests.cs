using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Emulator;

namespace TotangoReports.Tests.Api;

/// <summary>The token is a secret: a sentinel value must never show up in any text the client produces.</summary>
public sealed class TokenRedactionTests
{
    private const string Sentinel = "SENTINEL-TOKEN-c0ffee-42";
    private static readonly ActiveListQuery Query = new("1", ListEndpoint.Current, ReturnType.Stats);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Options_ToString_HidesTheToken()
    {
        var options = new TotangoOptions { ApiToken = Sentinel };

        options.ToString().ShouldNotContain(Sentinel);
        options.ToString().ShouldContain("ApiToken=(set)");
    }

    [Fact]
    public async Task Errors_ThatEchoTheToken_AreRedacted()
    {
        await using var host = await EmulatorHost.StartAsync(
            new EmulatorOptions { Accounts = 10 },
            Ct);
        host.Options.Faults.Add(new EmulatorFault { StatusCode = 400, Body = $$"""{"_error":"bad token {{Sentinel}}"}""" });
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = Sentinel;
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => new ActiveListFetcher(source, options).FetchAsync(Query, new RecordingSink(), cancellationToken: Ct));

        ex.Message.ShouldContain("bad token");
        ex.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task AuthFailure_Message_DoesNotContainTheToken()
    {
        await using var host = await EmulatorTestKit.StartAsync();
        var options = EmulatorTestKit.Options(host);
        options.ApiToken = Sentinel;
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoAuthException>(() => source.GetPageAsync(Query, 0, 100, Ct));

        ex.ToString().ShouldNotContain(Sentinel);
        source.ToString()!.ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task NetworkFailure_Message_DoesNotContainTheToken()
    {
        int port;
        await using (var host = await EmulatorTestKit.StartAsync())
        {
            port = host.BaseUrl.Port;
        }

        var options = new TotangoOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/"), ApiToken = Sentinel, MaxRetries = 1, TimeoutSeconds = 600 };
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider());

        var ex = await Should.ThrowAsync<TotangoApiException>(() => source.GetPageAsync(Query, 0, 100, Ct));

        ex.Message.ShouldContain("Network failure");
        ex.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public void MissingToken_LibraryNamesTheOption_CliNamesTheVariableAndSample()
    {
        var ex = Should.Throw<TotangoAuthException>(() => new TotangoHttpSource(new TotangoOptions()));

        ex.Message.ShouldContain("TotangoOptions.ApiToken");
        ex.Message.ShouldNotContain("--");
        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(3);
        var cli = TotangoReports.Cli.Infrastructure.ErrorReporter.MessageOf(ex);
        cli.ShouldContain("TOTANGO_API_TOKEN");
        cli.ShouldContain("--sample");
    }
}
