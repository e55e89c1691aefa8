using TotangoReports.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels cleanly (staged outputs are discarded); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (systemd, Kubernetes, `timeout`) stops a run the way Ctrl+C does: staged files removed, exit 130; a second
// one ends the process at once.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
});

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
