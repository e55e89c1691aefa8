using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Commands;
using TotangoReports.Cli.Infrastructure;

namespace TotangoReports.Cli;

/// <summary>The <c>totango-reports</c> command line, runnable in-process (tests pass their own environment).</summary>
public static class CliApp
{
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        var app = new CommandApp(registrar);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 100;
        app.Configure(config =>
        {
            config.SetApplicationName("totango-reports");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.SetApplicationCulture(System.Globalization.CultureInfo.InvariantCulture);
            config.UseStrictParsing();
            config.AddCommand<RunCommand>("run")
                .WithDescription("Fetch, render and deliver a report.")
                .WithExample("run", "sample-config/weekly-usage.yaml", "--sample")
                .WithExample("run", "weekly.yaml", "--out", "reports", "--format", "xlsx,pdf", "--param", "region=EMEA", "--no-email");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a definition without fetching; every problem as file:line:col: message.")
                .WithExample("validate", "sample-config/weekly-usage.yaml");
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Print the JSON Schema of report definitions.")
                .WithExample("schema");
            config.AddCommand<FetchCommand>("fetch")
                .WithDescription("Fetch only: save the raw API pages as a snapshot for 'run --snapshot'.")
                .WithExample("fetch", "weekly.yaml", "--save", "snapshots/2026-11-23");
            config.AddCommand<EmulatorCommand>("emulator")
                .WithDescription("Serve a local Totango Data API emulator on 127.0.0.1 (demos, template work, tests).")
                .WithExample("emulator", "--port", "5080", "--accounts", "5000", "--token", "demo-token")
                .WithExample("emulator", "--offset-mode", "item", "--page-cap", "40")
                .WithExample("emulator", "--as-of", "2026-11-16T00:00:00Z")
                .WithExample("emulator", "--error-rate", "0.01", "--throttle-rate", "0.005");
            config.AddCommand<SampleDataCommand>("sample-data")
                .WithDescription("Write a deterministic, realistic snapshot of N accounts.")
                .WithExample("sample-data", "--accounts", "700", "--seed", "1004", "--out", "snapshots/sample");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("A live preview on 127.0.0.1: every output, re-rendered when the definition or a template is saved.")
                .WithExample("serve", "sample-config/weekly-usage.yaml", "--sample")
                .WithExample("serve", "weekly.yaml", "--snapshot", "snapshots/2026-11-23", "--port", "5091");
            config.AddCommand<ResendCommand>("resend")
                .WithDescription("Send a run's kept mail to the recipients that have not accepted it yet (never twice to one).")
                .WithExample("resend", "out");
            config.AddBranch("history", history =>
            {
                history.SetDescription("The history store: list, backfill, prune and export recorded snapshots.");
                history.AddCommand<HistoryListCommand>("list")
                    .WithDescription("Definitions, datasets and snapshots with their times, rows and sizes.")
                    .WithExample("history", "list", "weekly.yaml");
                history.AddCommand<HistoryImportCommand>("import")
                    .WithDescription("Backfill: record the report of each 'fetch --save' snapshot at its fetch time.")
                    .WithExample("history", "import", "weekly.yaml", "snapshots/2026-11-16", "snapshots/2026-11-23");
                history.AddCommand<HistoryPruneCommand>("prune")
                    .WithDescription("Remove the definition's snapshots older than --keep.")
                    .WithExample("history", "prune", "weekly.yaml", "--keep", "104w");
                history.AddCommand<HistoryExportCommand>("export")
                    .WithDescription("Write the history as Parquet or CSV, partitioned by snapshot date, for a warehouse.")
                    .WithExample("history", "export", "weekly.yaml", "--format", "parquet", "--out", "warehouse");
            });
            config.AddBranch("templates", templates =>
            {
                templates.SetDescription("Work with the built-in HTML templates.");
                templates.AddCommand<TemplatesInitCommand>("init")
                    .WithDescription("Copy the built-in templates into DIR for customisation.")
                    .WithExample("templates", "init", "my-templates");
            });
        });

        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, environment, args.Contains("--verbose"));
        }
    }
}
