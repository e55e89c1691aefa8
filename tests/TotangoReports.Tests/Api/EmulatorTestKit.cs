using TotangoReports.Api;
using TotangoReports.Emulator;

namespace TotangoReports.Tests.Api;

/// <summary>Starts an emulator on an ephemeral loopback port and builds clients pointed at it.</summary>
internal static class EmulatorTestKit
{
    public const string Token = "test-token-7f3a";

    public static Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null, int accounts = 700, string? token = Token)
    {
        var options = new EmulatorOptions { Accounts = accounts, Seed = 7, Token = token };
        configure?.Invoke(options);
        return EmulatorHost.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public static TotangoOptions Options(EmulatorHost host, int pageSize = 100, OffsetMode mode = OffsetMode.Auto, int maxRetries = 5) => new()
    {
        BaseUrl = host.BaseUrl,
        ApiToken = Token,
        PageSize = pageSize,
        OffsetMode = mode,
        MaxRetries = maxRetries,
        MaxConcurrency = 4,

        // Long enough that a per-attempt timeout never fires by itself under VirtualTimeProvider.
        TimeoutSeconds = 600,
        RequestsPerMinute = 10_000,
    };
}
