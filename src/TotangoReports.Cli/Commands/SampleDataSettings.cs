using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotangoReports.Cli.Infrastructure;
using TotangoReports.Sample;

namespace TotangoReports.Cli.Commands;

public sealed class SampleDataSettings : SampleSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Snapshot folder to write.")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("sample-data needs --out DIR");
        }

        return Accounts is < 0 or > 10_000_000 ? ValidationResult.Error("--accounts must be between 0 and 10,000,000") : base.Validate();
    }
}
