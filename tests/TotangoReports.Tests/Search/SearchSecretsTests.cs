using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Logging;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary>
/// The <c>app-token</c> through every Search API failure path, for every entity: the error the user sees (and its
/// inner exceptions) and the log of the run never hold it, even when the server echoes it back.
/// </summary>
public sealed class SearchSecretsTests
{
    private const string Sentinel = "SENTINEL-APP-TOKEN-5ec2e7";

    public enum Failure
    {
        Refused,
        StatusFailed,
        ServerError,
        ClientError,
        Truncated,
        Dropped,
    }

    public static TheoryData<string, Failure> Paths()
    {
        var data = new TheoryData<string, Failure>();
        foreach (var entity in Enum.GetNames<SearchEntity>())
        {
            foreach (var failure in Enum.GetValues<Failure>())
            {
                data.Add(entity, failure);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task SearchFailure_NeverShowsTheAppToken_InTheErrorOrTheLog(string entity, Failure failure)
    {
        // Arrange: the server echoes the token in every body it can; the client logs at the most verbose level into a
        // logger that knows no secret, so only the client's own care keeps the token out of the log.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 30, token: failure == Failure.Refused ? EmulatorTestKit.Token : null);
        var echo = $$"""{"status":"failed","_error":"query rejected for app-token {{Sentinel}}"}""";
        host.Options.Faults.Add(failure switch
        {
            Failure.Refused => new EmulatorFault { Page = 99 },
            Failure.StatusFailed => new EmulatorFault { StatusCode = 200, Body = echo },
            Failure.ServerError => new EmulatorFault { StatusCode = 500, Body = echo, Times = 10 },
            Failure.ClientError => new EmulatorFault { StatusCode = 400, Body = echo },
            Failure.Truncated => new EmulatorFault { Truncate = true, Times = 10 },
            _ => new EmulatorFault { Drop = true, Times = 10 },
        });
        var options = EmulatorTestKit.Options(host, maxRetries: 1);
        options.ApiToken = Sentinel;
        using var log = new StringWriter();
        var logger = new TextWriterLogger(log, Microsoft.Extensions.Logging.LogLevel.Trace, new SecretRedactor());
        using var source = new TotangoHttpSource(options, new VirtualTimeProvider(), logger);
        var search = new SearchDefinition { Entity = Enum.Parse<SearchEntity>(entity), TermsJson = "[]", Count = 10 };

        // Act
        var ex = await Should.ThrowAsync<TotangoException>(() => new SearchFetch(source, search, new RecordingSink()).RunAsync("d", TestContext.Current.CancellationToken));

        // Assert
        (failure == Failure.Refused ? ex is TotangoAuthException : ex is TotangoApiException).ShouldBeTrue(ex.GetType().Name);
        ex.ToString().ShouldNotContain(Sentinel);
        log.ToString().ShouldNotContain(Sentinel);
        host.RequestLog.ShouldNotBeEmpty();
    }
}
