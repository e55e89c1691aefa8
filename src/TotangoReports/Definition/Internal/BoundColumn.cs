namespace TotangoReports.Definition.Internal;

/// <summary>A column with what later checks need: where its name and expression were written, its parsed path.</summary>
internal sealed record BoundColumn(ColumnDefinition Definition, YamlNode NameNode, RecordPath? Path, YamlNode? ExprNode)
{
    /// <summary>The value of a history column's <c>change</c>/<c>previous</c>/<c>trend</c> key (its source column), or null.</summary>
    public YamlNode? HistoryNode { get; init; }
}
