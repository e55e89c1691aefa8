using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;
using TotangoReports.Configuration;
using TotangoReports.Logging;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>What every command shares: the environment, layered configuration, a logger on stderr, secret redaction.</summary>
public abstract class CommandBase<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected CliEnvironment Environment { get; } = environment;

    protected SecretRedactor Redactor { get; } = new();

    protected IConfiguration LoadConfiguration(TSettings settings)
    {
        var configuration = AppConfiguration.Build(settings.Config, Environment.WorkingDirectory, Environment.Variables);
        Redactor.Add(configuration["Totango:ApiToken"]);
        Redactor.Add(configuration["Smtp:Password"]);
        return configuration;
    }

    protected ILogger CreateLogger(TSettings settings) =>
        new TextWriterLogger(Environment.Error, settings.Quiet ? LogLevel.Error : settings.Verbose ? LogLevel.Debug : LogLevel.Information, Redactor);

    protected string FullPath(string path) => Path.GetFullPath(path, Environment.WorkingDirectory);

    /// <summary>A path as the user would type it: relative when under the working directory, else absolute.</summary>
    protected string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    /// <summary>One result line on stdout (a path written, a URL).</summary>
    protected void Result(string line) => Environment.Out.WriteLine(Redactor.Redact(line));
}
