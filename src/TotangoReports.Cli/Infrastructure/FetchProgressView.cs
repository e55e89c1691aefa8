using System.Globalization;
using Spectre.Console;
using TotangoReports.Api;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>
/// Fetch progress on stderr: a Spectre.Console bar per query on a terminal (pages done/total, accounts, retries),
/// plain lines otherwise (a line per tenth of the pages), nothing with <c>--quiet</c>.
/// </summary>
internal static class FetchProgressView
{
    public static async Task<T> RunAsync<T>(CliEnvironment environment, IAnsiConsole console, GlobalSettings settings, Func<IProgress<FetchProgress>?, Task<T>> body)
    {
        if (settings.Quiet)
        {
            return await body(null);
        }

        if (!environment.ErrorIsTerminal)
        {
            return await body(new PlainLines(environment.Error));
        }

        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                result = await body(new Bars(context));
            });
        return result;
    }

    private static string Describe(ActiveListQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"list {query.ListId} {query.Endpoint.ToString().ToLowerInvariant()} {query.Return.ToString().ToLowerInvariant()}");

    private sealed class Bars(ProgressContext context) : IProgress<FetchProgress>
    {
        private readonly Dictionary<ActiveListQuery, ProgressTask> _tasks = [];

        public void Report(FetchProgress value)
        {
            lock (_tasks)
            {
                if (!_tasks.TryGetValue(value.Query, out var task))
                {
                    task = context.AddTask(Describe(value.Query));
                    _tasks[value.Query] = task;
                }

                task.MaxValue = Math.Max(1, value.PagesTotal);
                task.Value = value.PagesDone;
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Describe(value.Query)}: {value.PagesDone}/{value.PagesTotal} pages, {value.Accounts:N0} accounts, {value.Retries} retries"));
            }
        }
    }

    private sealed class PlainLines(TextWriter error) : IProgress<FetchProgress>
    {
        private readonly Dictionary<ActiveListQuery, int> _lastTenth = [];

        public void Report(FetchProgress value)
        {
            var tenth = value.PagesTotal == 0 ? 10 : value.PagesDone * 10 / value.PagesTotal;
            lock (_lastTenth)
            {
                if (_lastTenth.TryGetValue(value.Query, out var last) && last == tenth)
                {
                    return;
                }

                _lastTenth[value.Query] = tenth;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(value.Query)}: {value.PagesDone}/{value.PagesTotal} pages, {value.Accounts:N0} accounts, {value.Retries} retries"));
            }
        }
    }
}
