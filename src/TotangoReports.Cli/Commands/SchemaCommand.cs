using TotangoReports.Cli.Infrastructure;
using TotangoReports.Definition;

namespace TotangoReports.Cli.Commands;

/// <summary><c>schema</c>: the JSON Schema of report definitions on stdout.</summary>
public sealed class SchemaCommand(CliEnvironment environment) : CommandBase<GlobalSettings>(environment)
{
    public override Task<int> ExecuteAsync(Spectre.Console.Cli.CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        Environment.Out.Write(DefinitionSchema.Json);
        return Task.FromResult(ExitCodes.Success);
    }
}
