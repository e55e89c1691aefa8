using Microsoft.Extensions.Configuration;
using TotangoReports.Api;

namespace TotangoReports.Tests.Api;

public sealed class TotangoOptionsTests
{
    [Fact]
    public void FromConfiguration_Empty_GivesTheProductDefaults()
    {
        var options = TotangoOptions.FromConfiguration(new ConfigurationBuilder().Build());

        options.BaseUrl.ShouldBe(new Uri("https://app.totango.com"));
        options.PageSize.ShouldBe(1000);
        options.OffsetMode.ShouldBe(OffsetMode.Auto);
        options.RequestsPerMinute.ShouldBe(100);
        options.MaxConcurrency.ShouldBe(4);
        options.TimeoutSeconds.ShouldBe(60);
        options.MaxRetries.ShouldBe(5);
        options.ApiToken.ShouldBeNull();
    }

    [Fact]
    public void FromConfiguration_SectionIsBound_AndRawAliasKeysInAFileAreIgnored()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Totango:PageSize"] = "250",
            ["Totango:OffsetMode"] = "item",
            ["Totango:MaxRetries"] = "1",
            ["Totango:ApiToken"] = "from-file",
            ["Totango:BaseUrl"] = "https://api-eu1.totango.com",
            ["TOTANGO_API_TOKEN"] = "from-a-json-file",
        }).Build();

        var options = TotangoOptions.FromConfiguration(config);

        options.PageSize.ShouldBe(250);
        options.OffsetMode.ShouldBe(OffsetMode.Item);
        options.MaxRetries.ShouldBe(1);
        options.ApiToken.ShouldBe("from-file");
        options.BaseUrl.ShouldBe(new Uri("https://api-eu1.totango.com"));
    }

    [Fact]
    public void FromConfiguration_SectionOnly_BindsUrlAndWindow()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Totango:BaseUrl"] = "https://api.totango.com",
            ["Totango:RateLimitWindow"] = "00:00:02",
            ["Totango:MaxConcurrency"] = "8",
        }).Build();

        var options = TotangoOptions.FromConfiguration(config);

        options.BaseUrl.ShouldBe(new Uri("https://api.totango.com"));
        options.RateLimitWindow.ShouldBe(TimeSpan.FromSeconds(2));
        options.MaxConcurrency.ShouldBe(8);
        Should.NotThrow(options.Validate);
    }

    [Fact]
    public void FromConfiguration_UnreadableValue_ThrowsConfigurationErrorWithExitCode2()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Totango:PageSize"] = "lots" }).Build();

        var ex = Should.Throw<TotangoConfigurationException>(() => TotangoOptions.FromConfiguration(config));

        TotangoReports.Cli.Infrastructure.ErrorReporter.ExitCodeOf(ex).ShouldBe(2);
        ex.Message.ShouldContain("PageSize");
    }

    [Fact]
    public void Validate_OutOfRangeValues_ListsEveryProblem()
    {
        var options = new TotangoOptions { PageSize = 5000, MaxConcurrency = 0, RequestsPerMinute = 0 };

        var ex = Should.Throw<TotangoConfigurationException>(options.Validate);

        ex.Message.ShouldContain("PageSize");
        ex.Message.ShouldContain("MaxConcurrency");
        ex.Message.ShouldContain("RequestsPerMinute");
    }
}
