using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>
/// What every dataset of one run shares: the report's time zone (dates in cells are converted to it), the effective
/// parameter values (<c>params.NAME</c> in expressions) and "now" (days since last usage, days in status).
/// </summary>
/// <param name="TimeZone">The zone cells are shown in.</param>
/// <param name="Parameters">Effective parameter values: defaults overridden by <c>--param</c>.</param>
/// <param name="Now">When the run started; taken from a <see cref="TimeProvider"/> by the caller so tests can fix it.</param>
internal sealed record ReportContext(TimeZoneInfo TimeZone, IReadOnlyDictionary<string, string> Parameters, DateTimeOffset Now)
{
    /// <summary>
    /// The context for <paramref name="definition"/>: its time zone, its parameter defaults overridden by
    /// <paramref name="overrides"/> (names the definition doesn't declare are kept too, so <c>--param</c> always wins).
    /// </summary>
    /// <exception cref="ArgumentException">The definition's time zone is unknown on this machine (the message says which and where).</exception>
    public static ReportContext Create(ReportDefinition definition, IReadOnlyDictionary<string, string>? overrides, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(definition.TimeZone, out var zone))
        {
            throw new ArgumentException(
                $"{definition.SourcePath}: unknown time zone '{definition.TimeZone}'; use an IANA id such as 'UTC' or 'Europe/London'.",
                nameof(definition));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, parameter) in definition.Parameters)
        {
            parameters[name] = parameter.Default;
        }

        if (overrides is not null)
        {
            foreach (var (name, value) in overrides)
            {
                parameters[name] = value;
            }
        }

        return new ReportContext(zone, parameters, now);
    }
}
