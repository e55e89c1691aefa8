using System.Buffers;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RestSharp;
using TotangoReports.Api.Internal;

namespace TotangoReports.Api;

/// <summary>
/// The live Totango Data API over HTTP (RestSharp): paced by a sliding-window rate limiter, each attempt bounded by
/// a timeout, 5xx/429/timeouts/dropped connections retried with exponential back-off and jitter (honouring
/// <c>Retry-After</c>). All waiting goes through the injected <see cref="TimeProvider"/>.
/// One instance per token: the rate limit is per token.
/// </summary>
internal sealed partial class TotangoHttpSource : IPooledActiveListSource, IRequestStatistics, IDisposable
{
    private readonly TotangoOptions _options;
    private readonly string _token;
    private readonly Logging.SecretRedactor _redactor = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RestClient _client;
    private readonly SlidingWindowRateLimiter _limiter;
    private readonly ResiliencePipeline<HttpAttempt> _retryPipeline;
    private readonly ResiliencePipeline _timeoutPipeline;

    // Page buffers: this source's own, a few per request in flight, gone with the source (see PooledBuffer.ReadAllAsync).
    private readonly System.Buffers.ArrayPool<byte> _buffers;
    private long _requests;
    private long _retries;

    /// <summary>
    /// Throws <see cref="TotangoAuthException"/> when no token is configured and
    /// <see cref="TotangoConfigurationException"/> for invalid options.
    /// </summary>
    public TotangoHttpSource(TotangoOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            throw new TotangoAuthException(
                "No Totango API token: set TotangoOptions.ApiToken, or read from the sample data or a snapshot to run without the API.");
        }

        _options = options.Clone();
        _token = options.ApiToken.Trim();
        _redactor.Add(_token);
        _redactor.Add(UrlText.Password(options.BaseUrl));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _buffers = System.Buffers.ArrayPool<byte>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: options.MaxConcurrency + 1);
        _logger = logger ?? NullLogger.Instance;
        _client = new RestClient(new RestClientOptions(options.BaseUrl)
        {
            // 300 means "unauthorized" to this API: it must reach us, not be followed.
            FollowRedirects = false,
            ThrowOnAnyError = false,

            // Every HTTP answer is "completed" to us; only a missing answer is a transport failure.
            CalculateResponseStatus = _ => ResponseStatus.Completed,

            // The real per-attempt timeout is the Polly one on the TimeProvider; this is only a backstop.
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds * 2.0 + 30),
            UserAgent = "TotangoReports/0.1",
        });
        _limiter = new SlidingWindowRateLimiter(options.RequestsPerMinute, options.RateLimitWindow, _timeProvider);
        _retryPipeline = BuildRetryPipeline();
        _timeoutPipeline = new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    public long Requests => Interlocked.Read(ref _requests);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Total time requests waited for the client-side rate limiter.</summary>
    public TimeSpan RateLimitWait => _limiter.TotalWait;

    public async Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        using var page = await RentPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false);
        return page.Memory.ToArray();
    }

    public async Task<IMemoryOwner<byte>> RentPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var what = string.Create(CultureInfo.InvariantCulture, $"{QueryText.Describe(query)} offset {offset}");
        return await SendAsync(() => BuildRequest(query, offset, length), what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One request through the shared limiter, timeout and retries (List and Search API alike).</summary>
    private async Task<PooledBuffer> SendAsync(Func<RestRequest> build, string what, CancellationToken cancellationToken)
    {
        HttpAttempt response;
        try
        {
            response = await _retryPipeline.ExecuteAsync(
                async (ct) =>
                {
                    var slot = await _limiter.AcquireAsync(ct).ConfigureAwait(false);
                    Interlocked.Increment(ref _requests);
                    try
                    {
                        return await _timeoutPipeline.ExecuteAsync(
                            async (attemptToken) =>
                            {
                                var body = new BodyCapture(_buffers);
                                var request = build();
                                body.Attach(request);
                                var result = await _client.ExecuteAsync(request, attemptToken).ConfigureAwait(false);

                                // RestSharp reports cancellation as a response; Polly needs the exception to see a timeout.
                                attemptToken.ThrowIfCancellationRequested();
                                return new HttpAttempt(result, body.Body);
                            },
                            ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        _limiter.Complete(slot);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"The Totango API did not answer {what} within {_options.TimeoutSeconds} s, {_options.MaxRetries + 1} attempts."),
                ex);
        }
        catch (Exception ex) when (IsTransport(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The body was reset, cut short or could not be decoded on every attempt: an API failure (exit 4), not ours.
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"The Totango API's answer to {what} from {UrlText.Display(_options.BaseUrl)} broke off or could not be read on every one of {_options.MaxRetries + 1} attempts: {Redact(ex.Message)}"),
                new HttpRequestException(Redact(ex.Message)));
        }

        return Classify(response, what);
    }

    public void Dispose() => _client.Dispose();

    private static int Status(RestResponse response) => (int)response.StatusCode;

    /// <summary>
    /// A transport failure while the body was read: a reset or early close (IOException / HttpRequestException) or a
    /// body that lies about its <c>Content-Encoding</c> (InvalidDataException from the decompressor).
    /// </summary>
    private static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or IOException or InvalidDataException;

    private static bool NoAnswer(RestResponse response) =>
        response.ResponseStatus != ResponseStatus.Completed || response.StatusCode == 0;

    private static bool IsTransient(RestResponse response) =>
        NoAnswer(response)
        || response.StatusCode == HttpStatusCode.TooManyRequests
        || Status(response) >= 500;

    private RestRequest BuildRequest(ActiveListQuery query, int offset, int length)
    {
        var request = new RestRequest("api/v1/accounts/active_list/{id}/{endpoint}.json");
        request.AddUrlSegment("id", query.ListId);
        request.AddUrlSegment("endpoint", QueryText.Endpoint(query.Endpoint));
        var ret = QueryText.Return(query.Return);
        if (ret is not null)
        {
            request.AddQueryParameter("return", ret);
        }

        request.AddQueryParameter("length", length.ToString(CultureInfo.InvariantCulture));
        request.AddQueryParameter("offset", offset.ToString(CultureInfo.InvariantCulture));
        if (query.SinceUnixSeconds is { } since)
        {
            request.AddQueryParameter("since", since.ToString(CultureInfo.InvariantCulture));
        }

        // The bare token, no scheme, as the API expects.
        request.AddHeader("Authorization", _token);
        return request;
    }

    private ResiliencePipeline<HttpAttempt> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = _timeProvider };
        if (_options.MaxRetries == 0)
        {
            return builder.Build();
        }

        var maxDelay = TimeSpan.FromSeconds(_options.MaxRetryDelaySeconds);
        return builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
        {
            MaxRetryAttempts = _options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(_options.RetryBaseDelaySeconds),
            MaxDelay = maxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: TimeoutRejectedException } => true,
                { Exception: { } ex } when IsTransport(ex) => true,
                { Result: { } r } => IsTransient(r.Response),
                _ => false,
            }),
            DelayGenerator = args =>
            {
                if (args.Outcome.Result?.Response is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } r)
                {
                    var header = r.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
                    if (RetryAfter.Parse(header, _timeProvider.GetUtcNow()) is { } after)
                    {
                        return ValueTask.FromResult<TimeSpan?>(after > maxDelay ? maxDelay : after);
                    }
                }

                return ValueTask.FromResult<TimeSpan?>(null);
            },
            OnRetry = args =>
            {
                Interlocked.Increment(ref _retries);
                args.Outcome.Result?.Body.Dispose();
                var reason = args.Outcome.Exception is { } ex
                    ? ex.GetType().Name
                    : args.Outcome.Result?.Response is { } r && !NoAnswer(r) ? "HTTP " + Status(r).ToString(CultureInfo.InvariantCulture) : "connection failure";
                _logger.LogWarning("Totango API {Reason}; retry {Attempt} of {Max} in {Delay} ms", reason, args.AttemptNumber + 1, _options.MaxRetries, (long)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private PooledBuffer Classify(HttpAttempt attempt, string what)
    {
        var response = attempt.Response;
        if (Status(response) is >= 200 and < 300 && !NoAnswer(response))
        {
            return attempt.Body;
        }

        using var errorBody = attempt.Body;
        var status = Status(response);
        if (NoAnswer(response))
        {
            var cause = response.ErrorException?.Message ?? response.ErrorMessage ?? response.ResponseStatus.ToString();
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"Network failure reading {what} from {UrlText.Display(_options.BaseUrl)} after {_options.MaxRetries + 1} attempts: {Redact(cause)}"),
                response.ErrorException is null ? null : new HttpRequestException(Redact(response.ErrorException.Message)));
        }

        var body = errorBody.Memory.Span;
        if (status is 300 or 401 or 403)
        {
            throw new TotangoAuthException(
                string.Create(CultureInfo.InvariantCulture, $"The Totango API refused the token (HTTP {status}) for {what}. Check {TotangoOptions.TokenAlias} / Totango:ApiToken (and Totango:BaseUrl: US and EU hosts differ)."))
            {
                StatusCode = status,
            };
        }

        var message = ErrorBody.Message(body, Redact);
        var detail = status == 429 || status >= 500
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status} after {_options.MaxRetries + 1} attempts")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        throw new TotangoApiException($"The Totango API rejected {what}: {detail}: {message}") { StatusCode = status };
    }

    /// <summary>Belt and braces: a server or a library could echo the token; it must never leave this class.</summary>
    private string Redact(string text) => _redactor.Redact(text);
}
