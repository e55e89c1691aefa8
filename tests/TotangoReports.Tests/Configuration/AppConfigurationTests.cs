using TotangoReports.Api;
using TotangoReports.Configuration;

namespace TotangoReports.Tests.Configuration;

public sealed class AppConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value);

    [Fact]
    public void Build_WithNothingSet_BindsTheDocumentedDefaults()
    {
        var options = TotangoOptions.FromConfiguration(AppConfiguration.Build(null, _folder, Env()));

        options.BaseUrl.ShouldBe(new Uri("https://app.totango.com"));
        options.PageSize.ShouldBe(1000);
        options.RequestsPerMinute.ShouldBe(100);
        options.ApiToken.ShouldBeNull();
    }

    [Fact]
    public void Build_LaterLayersWin_FileThenEnvironmentThenCommandLine()
    {
        File.WriteAllText(Path.Combine(_folder, "totango-reports.json"), """{ "Totango": { "MaxRetries": 2, "MaxConcurrency": 8, "PageSize": 200 } }""");

        var config = AppConfiguration.Build(
            null,
            _folder,
            Env(("Totango__MaxRetries", "1"), ("Totango__MaxConcurrency", "6")),
            new Dictionary<string, string?> { ["Totango:MaxConcurrency"] = "3" });

        config["Totango:PageSize"].ShouldBe("200");
        config["Totango:MaxRetries"].ShouldBe("1");
        config["Totango:MaxConcurrency"].ShouldBe("3");
    }

    [Fact]
    public void Build_ReadsTheShortAliases_ButTheLongFormWins()
    {
        var aliasOnly = AppConfiguration.Build(null, _folder, Env(("TOTANGO_API_TOKEN", "alias-token"), ("TOTANGO_BASE_URL", "https://api-eu1.totango.com")));
        var both = AppConfiguration.Build(null, _folder, Env(("Totango__ApiToken", "long-token"), ("TOTANGO_API_TOKEN", "alias-token")));

        aliasOnly["Totango:ApiToken"].ShouldBe("alias-token");
        aliasOnly["Totango:BaseUrl"].ShouldBe("https://api-eu1.totango.com");
        both["Totango:ApiToken"].ShouldBe("long-token");
    }

    [Fact]
    public void Build_ExplicitConfigFileMissing_Fails_NamingIt()
    {
        Should.Throw<FileNotFoundException>(() => AppConfiguration.Build("nope.json", _folder, Env())).Message.ShouldContain("nope.json");
    }

    [Fact]
    public void SmtpOptions_BindFromEnvironment()
    {
        var config = AppConfiguration.Build(null, _folder, Env(("Smtp__Host", "mail.example.com"), ("Smtp__Port", "465"), ("Smtp__From", "r@example.com")));

        var smtp = SmtpOptions.FromConfiguration(config);

        smtp.Host.ShouldBe("mail.example.com");
        smtp.Port.ShouldBe(465);
        smtp.Validate().ShouldBeEmpty();
    }
}
