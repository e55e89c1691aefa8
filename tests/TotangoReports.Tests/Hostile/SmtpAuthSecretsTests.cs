using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// The SMTP password against a server that really asks for it (plain AUTH on loopback): refused or accepted, at every
/// verbosity, it never shows in what the CLI prints or writes.
/// </summary>
public sealed class SmtpAuthSecretsTests
{
    private const string SmtpSentinel = "SENTINEL-smtp-auth-5150";

    [Theory]
    [InlineData(false, 6)]
    [InlineData(true, 0)]
    public async Task SmtpPassword_SentToTheServer_NeverAppearsInOutput(bool accept, int expectedExit)
    {
        // Arrange
        var seen = new List<string>();
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            lock (seen)
            {
                seen.Add(password);
            }

            return accept;
        }));
        using var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        using var cli = new CliHarness();
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        cli.Variables["Smtp__User"] = "reports";
        cli.Variables["Smtp__Password"] = SmtpSentinel;
        cli.Variables["Smtp__MaxRetries"] = "0";
        var definition = cli.PathOf("mail.yaml");
        await File.WriteAllTextAsync(definition, await File.ReadAllTextAsync(Definition.RepoFiles.PathOf("sample-config", "weekly-usage.yaml"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var produced = new List<string>();

        // Act
        foreach (var verbosity in new[] { "--verbose", "--quiet", null })
        {
            string[] args = verbosity is null ? ["run", definition, "--sample", "--send-sample-mail", "--format", "xlsx,csv"] : ["run", definition, "--sample", "--send-sample-mail", "--format", "xlsx,csv", verbosity];
            var result = await HostileCorpus.RunBoundedAsync(cli, args);
            result.ExitCode.ShouldBe(expectedExit, result.ToString());
            produced.Add(result.Out);
            produced.Add(result.Error);
        }

        await stop.CancelAsync();
        try
        {
            await server;
        }
        catch (OperationCanceledException)
        {
        }

        // Assert
        produced.AddRange(Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        seen.ShouldNotBeEmpty("the password was offered to the server");
        seen.ShouldAllBe(p => p == SmtpSentinel);
        produced.ShouldAllBe(t => !t.Contains(SmtpSentinel, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
