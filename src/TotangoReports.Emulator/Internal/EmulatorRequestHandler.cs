using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Emulator.Internal;

/// <summary>Answers <c>GET /api/v1/accounts/active_list/{id}/{endpoint}.json</c> like the Totango Data API, plus faults.</summary>
internal sealed class EmulatorRequestHandler
{
    private readonly EmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly SampleActiveListSource? _sample;
    private readonly SnapshotSource? _snapshot;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateTimeOffset, SampleActiveListSource> _asOf = new();

    public EmulatorRequestHandler(EmulatorOptions options, EmulatorState state, SampleActiveListSource? sample, SnapshotSource? snapshot)
    {
        _options = options;
        _state = state;
        _sample = sample;
        _snapshot = snapshot;
    }

    public async Task HandleAsync(HttpContext context, string listId, string file)
    {
        _state.CountRequest();
        var aborted = context.RequestAborted;
        var time = _options.TimeProvider;
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, time, aborted).ConfigureAwait(false);
        }

        var token = context.Request.Headers.Authorization.ToString();
        if (_options.Token is not null && !string.Equals(token, _options.Token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, _options.UnauthorizedStatusCode, "Unauthorized: invalid API token", null).ConfigureAwait(false);
            return;
        }

        if (_options.RateLimitRequests is { } limit && !_state.TryAccept(limit, _options.RateLimitWindow, time.GetUtcNow()))
        {
            _state.CountThrottled();
            var retryAfter = Math.Max(1, (int)Math.Ceiling(_options.RateLimitWindow.TotalSeconds / limit));
            await WriteErrorAsync(context, 429, "Rate limit exceeded", retryAfter.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }

        if (!TryParse(context.Request.Query, listId, file, _options.AcceptScriptReturns, out var query, out var offset, out var length, out var problem))
        {
            await WriteErrorAsync(context, 400, problem, null).ConfigureAwait(false);
            return;
        }

        if (!TrySampleFor(context.Request, out var sample, out var asOfProblem))
        {
            await WriteErrorAsync(context, 400, asOfProblem, null).ConfigureAwait(false);
            return;
        }

        var mode = _options.OffsetMode;
        var effective = Math.Min(length == 0 ? 100 : length, Math.Max(1, _options.PageSizeCap));
        if (_options.IgnoreOffset)
        {
            offset = 0;
        }

        var pageIndex = mode == OffsetMode.Item ? offset / effective : offset;
        var fault = TakeFault(pageIndex, query.Return);
        if (fault is { Hang: true })
        {
            _state.HangReached.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, time, aborted).ConfigureAwait(false);
            return;
        }

        if (fault is { Drop: true })
        {
            context.Abort();
            return;
        }

        if (fault is { Truncate: false })
        {
            await WriteErrorAsync(context, fault.StatusCode, fault.Body, fault.RetryAfter).ConfigureAwait(false);
            return;
        }

        if (fault is null && RandomFault() is { } randomStatus)
        {
            await WriteErrorAsync(context, randomStatus, randomStatus == 429 ? "Rate limit exceeded" : "Internal server error", randomStatus == 429 ? "1" : null).ConfigureAwait(false);
            return;
        }

        try
        {
            if (sample is not null && fault is null)
            {
                // Streamed straight into the response, as a real server would: no page-sized buffers.
                var plan = sample.Plan(query, offset, length, mode, Math.Max(1, _options.PageSizeCap));
                AfterFirstPage(pageIndex, query);
                await StreamAsync(context, sample, plan, aborted).ConfigureAwait(false);
                return;
            }

            var body = sample is not null
                ? sample.RenderPage(query, offset, length, mode, Math.Max(1, _options.PageSizeCap), _options.Shape)
                : (await _snapshot!.GetPageAsync(query, offset, length, aborted).ConfigureAwait(false)).ToArray();
            AfterFirstPage(pageIndex, query);
            if (fault is { Truncate: true })
            {
                body = body[..(body.Length / 2)];
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, aborted).ConfigureAwait(false);
        }
        catch (TotangoException ex) when (ex is TotangoApiException or TotangoConfigurationException)
        {
            await WriteErrorAsync(context, 400, ex.Message, null).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The sample to serve: as of the request's <c>X-Emulator-As-Of</c> header or <c>as_of</c> query parameter, else
    /// of <see cref="EmulatorOptions.AsOf"/>, else the default sample (its bytes unchanged). One source per instant.
    /// </summary>
    private bool TrySampleFor(HttpRequest request, out SampleActiveListSource? sample, out string problem)
    {
        sample = _sample;
        problem = string.Empty;
        var text = request.Headers.TryGetValue(AsOfHeader, out var header) ? header.ToString() : request.Query.TryGetValue("as_of", out var value) ? value.ToString() : null;
        DateTimeOffset? asOf = _options.AsOf;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                problem = $"as_of '{text}' is not an ISO 8601 instant (e.g. 2026-11-23T00:00:00Z)";
                return false;
            }

            asOf = parsed;
        }

        if (_sample is null || asOf is not { } instant)
        {
            return true;
        }

        var options = _sample.Options;
        sample = _asOf.GetOrAdd(instant.ToUniversalTime(), at => new SampleActiveListSource(new SampleSourceOptions
        {
            Accounts = options.Accounts,
            Seed = options.Seed,
            Epoch = at,
            DriftWeeks = (int)Math.Floor((at - SampleData.Epoch).TotalDays / 7),
        }));
        return true;
    }

    /// <summary>The per-request override of <see cref="EmulatorOptions.AsOf"/> (tests run two instants against one emulator).</summary>
    public const string AsOfHeader = "X-Emulator-As-Of";

    private async Task StreamAsync(HttpContext context, SampleActiveListSource source, Sample.Internal.SamplePagePlan plan, CancellationToken aborted)
    {
        const int Chunk = 50;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        var pipe = context.Response.BodyWriter;
        var shape = _options.Shape;
        using var writer = new Utf8JsonWriter(pipe, Sample.Internal.SampleJsonWriter.WriterOptions);
        source.WritePageStart(writer);
        for (var i = 0; i < plan.Count; i += Chunk)
        {
            source.WriteAccounts(writer, plan, i, Math.Min(plan.Count, i + Chunk), shape);
            await writer.FlushAsync(aborted).ConfigureAwait(false);
            await pipe.FlushAsync(aborted).ConfigureAwait(false);
        }

        SampleActiveListSource.WritePageEnd(writer, plan);
        await writer.FlushAsync(aborted).ConfigureAwait(false);
        await pipe.FlushAsync(aborted).ConfigureAwait(false);
    }

    /// <summary>A list change lands after a query's first page was read, shifting every later page by one.</summary>
    private void AfterFirstPage(int pageIndex, ActiveListQuery query)
    {
        if (pageIndex != 0 || _sample is null || query.Endpoint != ListEndpoint.Current)
        {
            return;
        }

        lock (_state.Gate)
        {
            if (_options.ListChanges > 0)
            {
                _options.ListChanges--;
                _sample.InsertAccountAtHead();
            }
        }
    }

    private static bool TryParse(IQueryCollection q, string listId, string file, bool scriptReturns, out ActiveListQuery query, out int offset, out int length, out string problem)
    {
        query = null!;
        offset = 0;
        length = 100;
        problem = string.Empty;
        ListEndpoint? endpoint = file switch
        {
            "current.json" => ListEndpoint.Current,
            "recent.json" => ListEndpoint.Recent,
            "past.json" => ListEndpoint.Past,
            _ => null,
        };
        if (endpoint is null)
        {
            problem = $"Unknown endpoint '{file}': use current.json, recent.json or past.json.";
            return false;
        }

        // Only what the page documents, unless asked: "all" and "summary" are what the scripts send.
        ReturnType? ret = q["return"].ToString() switch
        {
            "" => ReturnType.Summary,
            "summary" when scriptReturns => ReturnType.Summary,
            "all" when scriptReturns => ReturnType.All,
            "stats" => ReturnType.Stats,
            "users" => ReturnType.Users,
            "lifecycle" => ReturnType.Lifecycle,
            _ => null,
        };
        if (ret is null)
        {
            problem = $"Invalid return '{q["return"]}': use stats, users or lifecycle (or leave it out for the summary).";
            return false;
        }

        if (!ReadInt(q, "length", 100, out length) || length is < 0 or > 1000)
        {
            problem = "Invalid length: an integer between 1 and 1000.";
            return false;
        }

        if (!ReadInt(q, "offset", 0, out offset) || offset < 0)
        {
            problem = "Invalid offset: a non-negative integer.";
            return false;
        }

        long? since = null;
        var sinceText = q["since"].ToString();
        if (sinceText.Length > 0)
        {
            if (!long.TryParse(sinceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
            {
                problem = "Invalid since: unix time in seconds.";
                return false;
            }

            since = s;
        }

        query = new ActiveListQuery(listId, endpoint.Value, ret.Value, since);
        return true;
    }

    private static bool ReadInt(IQueryCollection q, string name, int fallback, out int value)
    {
        var text = q[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    internal static async Task WriteErrorAsync(HttpContext context, int status, string? message, string? retryAfter)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        var body = message is not null && message.TrimStart().StartsWith('{')
            ? Encoding.UTF8.GetBytes(message)
            : JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["_error"] = message ?? "Internal server error" });
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    internal EmulatorFault? TakeFault(int pageIndex, ReturnType returnType)
    {
        lock (_state.Gate)
        {
            foreach (var fault in _options.Faults)
            {
                if (fault.Times > 0 && (fault.Page is null || fault.Page == pageIndex) && (fault.Return is null || fault.Return == returnType))
                {
                    fault.Times--;
                    return fault;
                }
            }
        }

        return null;
    }

    internal int? RandomFault()
    {
        if (_options.RandomServerErrorRate <= 0 && _options.RandomThrottleRate <= 0)
        {
            return null;
        }

        double roll;
        lock (_state.Gate)
        {
            roll = _state.Random.NextDouble();
        }

        return roll < _options.RandomServerErrorRate ? 500
            : roll < _options.RandomServerErrorRate + _options.RandomThrottleRate ? 429
            : null;
    }
}
