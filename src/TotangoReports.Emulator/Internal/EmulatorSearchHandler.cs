using System.Globalization;
using Microsoft.AspNetCore.Http;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Emulator.Internal;

/// <summary>
/// Answers <c>POST /api/v1/search/{accounts|users}</c> and <c>POST /api/v2/events/search</c> like the Totango Search
/// API (totango-search-api.md): the token in <c>app-token</c>, the query in the form field <c>query</c>, the same
/// rate limit and faults as the List API (a fault's page is <c>offset / count</c>, for events <c>offset</c> itself),
/// and refusals as <c>status: "failed"</c> with HTTP 200.
/// </summary>
internal sealed class EmulatorSearchHandler(EmulatorOptions options, EmulatorState state, EmulatorRequestHandler list, SampleActiveListSource? sample, SnapshotSource? snapshot)
{
    private static readonly (string, SearchEntity)[] Entities = [("accounts", SearchEntity.Accounts), ("users", SearchEntity.Users), ("v2/events", SearchEntity.Events)];

    public async Task HandleAsync(HttpContext context, string entityName)
    {
        state.CountRequest();
        var aborted = context.RequestAborted;
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, aborted).ConfigureAwait(false);
        }

        var token = context.Request.Headers["app-token"].ToString();
        if (options.Token is not null && !string.Equals(token, options.Token, StringComparison.Ordinal))
        {
            await EmulatorRequestHandler.WriteErrorAsync(context, options.UnauthorizedStatusCode, "Unauthorized: invalid app-token", null).ConfigureAwait(false);
            return;
        }

        if (options.RateLimitRequests is { } limit && !state.TryAccept(limit, options.RateLimitWindow, options.TimeProvider.GetUtcNow()))
        {
            state.CountThrottled();
            var retryAfter = Math.Max(1, (int)Math.Ceiling(options.RateLimitWindow.TotalSeconds / limit));
            await EmulatorRequestHandler.WriteErrorAsync(context, 429, "Rate limit exceeded", retryAfter.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }

        var entity = Array.Find(Entities, e => e.Item1 == entityName);
        var query = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(aborted).ConfigureAwait(false))["query"].ToString() : string.Empty;
        if (entity.Item1 is null || query.Length == 0 || (sample is null && snapshot is null))
        {
            var problem = entity.Item1 is null ? $"Unknown search entity '{entityName}'"
                : query.Length == 0 ? "Missing form field 'query' (send application/x-www-form-urlencoded query=<JSON>)"
                : "This emulator has no data for the Search API";
            await WriteFailedAsync(context, problem).ConfigureAwait(false);
            return;
        }

        var fault = list.TakeFault(PageIndex(query, entity.Item2), ReturnType.Summary);
        if (fault is { Hang: true })
        {
            state.HangReached.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, options.TimeProvider, aborted).ConfigureAwait(false);
            return;
        }

        if (fault is { Drop: true })
        {
            context.Abort();
            return;
        }

        if (fault is { Truncate: false })
        {
            await EmulatorRequestHandler.WriteErrorAsync(context, fault.StatusCode, fault.Body, fault.RetryAfter).ConfigureAwait(false);
            return;
        }

        if (fault is null && list.RandomFault() is { } randomStatus)
        {
            await EmulatorRequestHandler.WriteErrorAsync(context, randomStatus, randomStatus == 429 ? "Rate limit exceeded" : "Internal server error", randomStatus == 429 ? "1" : null).ConfigureAwait(false);
            return;
        }

        byte[] body;
        if (sample is not null)
        {
            body = sample.Search(entity.Item2, query);
        }
        else
        {
            try
            {
                // A snapshot answers the queries it saved, byte for byte; any other is refused as the server refuses.
                body = (await snapshot!.SearchAsync(entity.Item2, query, aborted).ConfigureAwait(false)).ToArray();
            }
            catch (TotangoConfigurationException ex)
            {
                await WriteFailedAsync(context, ex.Message).ConfigureAwait(false);
                return;
            }
        }

        await WriteBodyAsync(context, 200, fault is { Truncate: true } ? body[..(body.Length / 2)] : body).ConfigureAwait(false);
    }

    // Faults name pages; the Search API's offset is a record index, the events API's a page number.
    private static int PageIndex(string query, SearchEntity entity)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(query);
            var root = document.RootElement;
            var offset = root.TryGetProperty("offset", out var o) && o.TryGetInt32(out var n) ? n : 0;
            var count = root.TryGetProperty("count", out var c) && c.TryGetInt32(out var m) && m > 0 ? m : SearchDefinition.MaxCount;
            return entity == SearchEntity.Events ? offset : offset / count;
        }
        catch (System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private static Task WriteFailedAsync(HttpContext context, string problem) =>
        WriteBodyAsync(context, 200, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["status"] = "failed", ["_error"] = problem }));

    private static async Task WriteBodyAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
