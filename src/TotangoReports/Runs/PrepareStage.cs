using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>Stage 0: parameters checked, the context created and the state read, before anything is fetched.</summary>
internal static class PrepareStage
{
    /// <param name="parameters">Values overriding the definition's defaults; each name must be declared.</param>
    /// <param name="since">Overrides every recent/past dataset's <c>since</c>; null = their own.</param>
    /// <param name="statePath">State file of <c>since: last-run</c>; null = beside the definition.</param>
    public static PreparedRun Run(ReportDefinition definition, IReadOnlyDictionary<string, string> parameters, string? since, string? statePath, DateTimeOffset now)
    {
        CheckParameters(definition, parameters);
        var context = CreateContext(definition, parameters, now);
        var prepared = new PreparedRun(definition, context, since, new RunState(), statePath ?? RunState.DefaultPath(definition.SourcePath));
        return prepared.UsesLastRun ? prepared with { State = LoadState(prepared.StatePath) } : prepared;
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

    private static RunState LoadState(string path)
    {
        try
        {
            return RunState.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ReportInputException(ReportInputError.InvalidState, ex.Message, path, innerException: ex);
        }
    }
}
