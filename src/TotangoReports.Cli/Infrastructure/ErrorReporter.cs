using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Logging;
using TotangoReports.Rendering;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>Turns any failure into one line on stderr (red on a terminal) and its exit code; a stack trace only with --verbose.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, CliEnvironment environment, bool verbose)
    {
        var (code, message) = Classify(exception, verbose);
        // The command's redactor knows secrets from every configuration layer; the variables cover a failure
        // before configuration was read.
        var redactor = environment.Redactor;
        redactor.Add(environment.Variables.GetValueOrDefault("TOTANGO_API_TOKEN"));
        redactor.Add(environment.Variables.GetValueOrDefault("Totango__ApiToken"));
        redactor.Add(environment.Variables.GetValueOrDefault("Smtp__Password"));
        redactor.Add(environment.Variables.GetValueOrDefault("Store__Password"));
        redactor.Add(Api.Internal.UrlText.Password(environment.Variables.GetValueOrDefault("TOTANGO_BASE_URL")));
        var line = redactor.Redact(message);
        if (environment.ErrorIsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Error) });
            console.MarkupLine($"[red]error:[/] {Markup.Escape(line)}");
        }
        else
        {
            environment.Error.WriteLine("error: " + line);
        }

        if (verbose && code == ExitCodes.Unexpected)
        {
            environment.Error.WriteLine(redactor.Redact(exception.ToString()));
        }

        return code;
    }

    /// <summary>The exit code of a failure (PRODUCT.md §2): the library's exceptions say what failed, the CLI what that means.</summary>
    internal static int ExitCodeOf(Exception exception) => Classify(exception, verbose: false).Code;

    /// <summary>The one line the CLI prints for a failure, before redaction.</summary>
    internal static string MessageOf(Exception exception) => Classify(exception, verbose: false).Message;

    private static (int Code, string Message) Classify(Exception exception, bool verbose) => exception switch
    {
        CliInputException cli => (ExitCodes.InvalidInput, cli.Message),
        ReportInputException input => (ExitCodes.InvalidInput, CliMessages.For(input)),
        TotangoAuthException { StatusCode: null } => (ExitCodes.Unauthorized, CliMessages.NoToken),
        TotangoAuthException auth => (ExitCodes.Unauthorized, auth.Message),
        TotangoConfigurationException configuration => (ExitCodes.InvalidInput, configuration.Message),
        DataIncompleteException incomplete => (ExitCodes.DataIncomplete, incomplete.Message),
        TotangoException api => (ExitCodes.ApiFailure, api.Message),
        RenderException render => (ExitCodes.InvalidInput, render.Message),
        OutputFolderBusyException busy => (ExitCodes.InvalidInput, busy.Message),
        Store.ReportStoreException store => (ExitCodes.Unexpected, store.Message),
        WatermarkSaveException watermark => (ExitCodes.WatermarkNotSaved, watermark.Message),
        ReportHeldException held => (ExitCodes.Held, CliMessages.Held(held)),
        EmailDeliveryException mail => (ExitCodes.DeliveryFailed, mail.Message + " (the report files were not changed)"),
        CommandParseException or CommandRuntimeException => (ExitCodes.InvalidInput, exception.Message + " (see --help)"),
        UnauthorizedAccessException access => (ExitCodes.InvalidInput, access.Message),
        FileNotFoundException missing => (ExitCodes.InvalidInput, missing.Message),
        DirectoryNotFoundException missing => (ExitCodes.InvalidInput, missing.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled; no output was changed"),
        IOException io => (ExitCodes.Unexpected, "could not write the report: " + io.Message),
        _ => (ExitCodes.Unexpected, $"unexpected failure: {exception.Message}{(verbose ? string.Empty : " (run with --verbose for details)")}"),
    };
}
