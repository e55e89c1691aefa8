using TotangoReports.Cli;

namespace TotangoReports.Tests.Cli;

/// <summary>Runs the CLI in-process in its own temporary working folder, capturing stdout and stderr.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("cli-").FullName;
    }

    public string WorkingDirectory { get; }

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>The CLI's clock; a fixed one makes sample-data runs reproducible to the pixel.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public string PathOf(params string[] parts) => Path.Combine([WorkingDirectory, .. parts]);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(TestContext.Current.CancellationToken, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            Variables = Variables,
            WorkingDirectory = WorkingDirectory,
            Time = Time,
        };
        var code = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Copies a file of the repository's sample-config into the working folder.</summary>
    public string CopySampleConfig(string name)
    {
        var target = PathOf(name);
        File.Copy(Definition.RepoFiles.PathOf("sample-config", name), target, overwrite: true);

        // The files a definition names beside it (a burst's recipients mapping) travel with it.
        foreach (var beside in Directory.GetFiles(Path.GetDirectoryName(Definition.RepoFiles.PathOf("sample-config", name))!, "*.csv"))
        {
            File.Copy(beside, PathOf(Path.GetFileName(beside)), overwrite: true);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
