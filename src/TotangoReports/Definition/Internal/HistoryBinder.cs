namespace TotangoReports.Definition.Internal;

/// <summary>Binds <c>history: { keep: 104w }</c>; <c>history: {}</c> records and keeps everything.</summary>
internal static class HistoryBinder
{
    private static readonly string[] Keys = ["keep"];

    public static HistoryDefinition? Bind(YamlNode? node, DiagnosticBag bag)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, "history", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        return new HistoryDefinition { Keep = HistoryWindow.Bind(map.Get("keep"), bag, "history.keep"), Location = bag.Location(node) };
    }
}
