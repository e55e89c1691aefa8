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
public sealed class TotangoHttpSource : IPooledActiveListSource, IRequestStatistics, IDisposable
{
    private readonly TotangoOptions options;
    private readonly string token;
    private readonly Logging.SecretRedactor redactor = new();
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly RestClient client;
    private readonly SlidingWindowRateLimiter limiter;
    private readonly ResiliencePipeline<HttpAttempt> retryPipeline;
    private readonly ResiliencePipeline timeoutPipeline;
    private long requests;
    private long retries;

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
                $"No Totango API token: set {TotangoOptions.TokenAlias} (or Totango:ApiToken in totango-reports.json), or use --sample / --snapshot DIR to run without the API.");
        }

        this.options = options.Clone();
        token = options.ApiToken.Trim();
        redactor.Add(token);
        redactor.Add(UrlText.Password(options.BaseUrl));
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        client = new RestClient(new RestClientOptions(options.BaseUrl)
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
        limiter = new SlidingWindowRateLimiter(options.RequestsPerMinute, options.RateLimitWindow, this.timeProvider);
        retryPipeline = BuildRetryPipeline();
        timeoutPipeline = new ResiliencePipelineBuilder { TimeProvider = this.timeProvider }
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    public long Requests => Interlocked.Read(ref requests);

    public long Retries => Interlocked.Read(ref retries);

    /// <summary>Total time requests waited for the client-side rate limiter.</summary>
    public TimeSpan RateLimitWait => limiter.TotalWait;

    public async Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        using var page = await RentPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false);
        return page.Memory.ToArray();
    }

    public async Task<IMemoryOwner<byte>> RentPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var what = string.Create(CultureInfo.InvariantCulture, $"{QueryText.Describe(query)} offset {offset}");
        HttpAttempt response;
        try
        {
            response = await retryPipeline.ExecuteAsync(
                async (ct) =>
                {
                    var slot = await limiter.AcquireAsync(ct).ConfigureAwait(false);
                    Interlocked.Increment(ref requests);
                    try
                    {
                        return await timeoutPipeline.ExecuteAsync(
                            async (attemptToken) =>
                            {
                                var body = new BodyCapture();
                                var request = BuildRequest(query, offset, length);
                                body.Attach(request);
                                var result = await client.ExecuteAsync(request, attemptToken).ConfigureAwait(false);

                                // RestSharp reports cancellation as a response; Polly needs the exception to see a timeout.
                                attemptToken.ThrowIfCancellationRequested();
                                return new HttpAttempt(result, body.Body);
                            },
                            ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        limiter.Complete(slot);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"The Totango API did not answer {what} within {options.TimeoutSeconds} s, {options.MaxRetries + 1} attempts."),
                ex);
        }
        catch (Exception ex) when (IsTransport(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The body was reset, cut short or could not be decoded on every attempt: an API failure (exit 4), not ours.
            throw new TotangoApiException(
                string.Create(CultureInfo.InvariantCulture, $"The Totango API's answer to {what} from {UrlText.Display(options.BaseUrl)} broke off or could not be read on every one of {options.MaxRetries + 1} attempts: {Redact(ex.Message)}"),
                new HttpRequestException(Redact(ex.Message)));
        }

        return Classify(response, what);
    }

    public void Dispose() => client.Dispose();

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
        request.AddHeader("Authorization", token);
        return request;
    }

    private ResiliencePipeline<HttpAttempt> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = timeProvider };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        var maxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        return builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
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
                    if (RetryAfter.Parse(header, timeProvider.GetUtcNow()) is { } after)
                    {
                        return ValueTask.FromResult<TimeSpan?>(after > maxDelay ? maxDelay : after);
                    }
                }

                return ValueTask.FromResult<TimeSpan?>(null);
            },
            OnRetry = args =>
            {
                Interlocked.Increment(ref retries);
                args.Outcome.Result?.Body.Dispose();
                var reason = args.Outcome.Exception is { } ex
                    ? ex.GetType().Name
                    : args.Outcome.Result?.Response is { } r && !NoAnswer(r) ? "HTTP " + Status(r).ToString(CultureInfo.InvariantCulture) : "connection failure";
                logger.LogWarning("Totango API {Reason}; retry {Attempt} of {Max} in {Delay} ms", reason, args.AttemptNumber + 1, options.MaxRetries, (long)args.RetryDelay.TotalMilliseconds);
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
                string.Create(CultureInfo.InvariantCulture, $"Network failure reading {what} from {UrlText.Display(options.BaseUrl)} after {options.MaxRetries + 1} attempts: {Redact(cause)}"),
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
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status} after {options.MaxRetries + 1} attempts")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        throw new TotangoApiException($"The Totango API rejected {what}: {detail}: {message}") { StatusCode = status };
    }

    /// <summary>Belt and braces: a server or a library could echo the token; it must never leave this class.</summary>
    private string Redact(string text) => redactor.Redact(text);
}
