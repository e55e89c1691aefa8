using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>Stage 0: parameters checked, the context created and the state read, before anything is fetched.</summary>
internal static class PrepareStage
{
    public static PreparedRun Run(ReportDefinition definition, BuildOptions options, DateTimeOffset now)
    {
        CheckParameters(definition, options.Parameters);
        var context = CreateContext(definition, options.Parameters, now);
        var statePath = options.StatePath ?? RunState.DefaultPath(definition.SourcePath);
        var prepared = new PreparedRun(definition, context, options.Since, new RunState(), statePath);
        return prepared.UsesLastRun ? prepared with { State = LoadState(statePath) } : prepared;
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
