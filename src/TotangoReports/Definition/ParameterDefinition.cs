namespace TotangoReports.Definition;

/// <summary>A report parameter, overridable with <c>--param NAME=VALUE</c>; seen as <c>params.NAME</c> in expressions.</summary>
public sealed record ParameterDefinition(string Name, string Default, string? Description = null);
