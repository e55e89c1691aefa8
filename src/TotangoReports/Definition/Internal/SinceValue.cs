namespace TotangoReports.Definition.Internal;

/// <summary>Checks a definition's <c>since</c> with the same grammar the run resolves it with.</summary>
internal static class SinceValue
{
    public static void Check(YamlNode node, string text, DiagnosticBag bag)
    {
        if (SinceResolver.Problem(text, out var warning) is { } problem)
        {
            bag.Error(node, problem);
        }
        else if (warning is not null)
        {
            bag.Warning(node, warning);
        }
    }
}
