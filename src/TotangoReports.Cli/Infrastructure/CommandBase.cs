using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Definition;
using TotangoReports.Logging;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>What every command shares: the environment, layered configuration, a logger on stderr, secret redaction.</summary>
public abstract class CommandBase<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected CliEnvironment Environment { get; } = environment;

    private IAnsiConsole? _errorConsole;

    private protected SecretRedactor Redactor => Environment.Redactor;

    /// <summary>Stderr as a Spectre console: progress bars and coloured lines on a terminal.</summary>
    protected IAnsiConsole ErrorConsole => _errorConsole ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Environment.Error) });

    protected IConfiguration LoadConfiguration(TSettings settings)
    {
        var configuration = AppConfiguration.Build(settings.Config, Environment.WorkingDirectory, Environment.Variables);
        Redactor.Add(configuration["Totango:ApiToken"]);
        Redactor.Add(configuration["Smtp:Password"]);
        Redactor.Add(configuration["Store:Password"]);
        Redactor.Add(Api.Internal.UrlText.Password(configuration["Totango:BaseUrl"]));
        return configuration;
    }

    protected ILogger CreateLogger(TSettings settings) => new TextWriterLogger(
        Environment.ErrorIsTerminal ? new ConsoleLineWriter(ErrorConsole) : Environment.Error,
        settings.Quiet ? LogLevel.Error : settings.Verbose ? LogLevel.Debug : LogLevel.Information,
        Redactor);

    /// <summary>Runs <paramref name="body"/> with fetch progress on stderr (bars on a terminal, lines otherwise).</summary>
    protected Task<T> WithProgressAsync<T>(TSettings settings, Func<IProgress<TotangoReports.Api.FetchProgress>?, Task<T>> body) =>
        FetchProgressView.RunAsync(Environment, ErrorConsole, settings, body);

    protected string FullPath(string path) => Path.GetFullPath(path, Environment.WorkingDirectory);

    /// <summary>The definition <c>run</c> and <c>fetch</c> read, its errors as <c>file:line:col: message</c>.</summary>
    protected ReportDefinition LoadDefinition(Commands.FetchingSettings settings) => ReportEngine.LoadDefinition(FullPath(settings.Definition));

    /// <summary>The data options <c>run</c> and <c>fetch</c> share, paths resolved against the working directory.</summary>
    protected BuildOptions BuildOptionsOf(Commands.FetchingSettings settings) => new()
    {
        Since = settings.Since,
        StatePath = settings.State is null ? null : FullPath(settings.State),
        AllowPartial = settings.AllowPartial,
    };

    /// <summary>
    /// Runs <paramref name="work"/> with an engine wired to this command's configuration (read once, here: the
    /// library takes typed options), log, progress and redaction. The definition is read after the configuration
    /// files and before the settings are bound, so its errors come first.
    /// </summary>
    protected Task<T> WithEngineAsync<T>(TSettings settings, Func<ReportDefinition> definition, Func<ReportEngine, ReportDefinition, Task<T>> work, bool email = false)
    {
        var configuration = LoadConfiguration(settings);
        var loaded = definition();
        var logger = CreateLogger(settings);
        return WithProgressAsync(settings, progress => work(
            new ReportEngine(EngineOptions(configuration, logger, email ? SmtpOptions.FromConfiguration(configuration) : null, progress)),
            loaded));
    }

    /// <summary>The engine's options from this command's configuration: one place for every command that runs reports.</summary>
    private protected ReportEngineOptions EngineOptions(IConfiguration configuration, ILogger logger, SmtpOptions? smtp = null, IProgress<FetchProgress>? progress = null) => new()
    {
        Totango = TotangoOptions.FromConfiguration(configuration),
        Smtp = smtp,
        Store = StoreOptions.FromConfiguration(configuration),
        Time = Environment.Time,
        Logger = logger,
        Progress = progress,
        Redactor = Redactor,

        // One report per process: a large run's finished stages give their memory back (see the option).
        ReturnMemoryBetweenStages = true,
    };

    /// <summary>A path as the user would type it: relative when under the working directory, else absolute.</summary>
    protected string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    /// <summary>One result line on stdout (a path written, a URL).</summary>
    protected void Result(string line) => Environment.Out.WriteLine(Redactor.Redact(line));
}
