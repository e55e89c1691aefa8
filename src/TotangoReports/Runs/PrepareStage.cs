using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary>Stage 0: parameters checked and the context created, before anything is fetched (the store is read by <see cref="StoreStage"/>).</summary>
internal static class PrepareStage
{
    /// <param name="parameters">Values overriding the definition's defaults; each name must be declared.</param>
    /// <param name="since">Overrides every recent/past dataset's <c>since</c>; null = their own.</param>
    public static PreparedRun Run(ReportDefinition definition, IReadOnlyDictionary<string, string> parameters, string? since, DateTimeOffset now)
    {
        CheckParameters(definition, parameters);
        var context = CreateContext(definition, parameters, now);
        return new PreparedRun(definition, context, since);
    }

    private static void CheckParameters(ReportDefinition definition, IReadOnlyDictionary<string, string> overrides)
    {
        var unknown = overrides.Keys.Where(k => !definition.Parameters.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown);
            var known = definition.Parameters.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", definition.Parameters.Keys);
            var detail = $"not a parameter of {definition.SourcePath} ({known})";
            throw new ReportInputException(ReportInputError.UnknownParameter, $"parameter {names}: {detail}", names, detail);
        }
    }

    private static ReportContext CreateContext(ReportDefinition definition, IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        try
        {
            return ReportContext.Create(definition, parameters, now);
        }
        catch (ArgumentException ex)
        {
            throw new ReportInputException(ReportInputError.UnknownTimeZone, ex.Message, definition.SourcePath, innerException: ex);
        }
    }
}
