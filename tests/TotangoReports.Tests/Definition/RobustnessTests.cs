using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>Bad input gives diagnostics, never an exception: every sample cut short and damaged at random.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Samples() => [.. RepoFiles.SampleConfigs().Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_TruncatedSample_NeverThrows(string file)
    {
        var text = File.ReadAllText(RepoFiles.PathOf("sample-config", file));
        var failures = new List<string>();

        for (var length = 0; length < text.Length; length += 7)
        {
            try
            {
                DefinitionLoader.Parse(text[..length], file);
            }
            catch (Exception e)
            {
                failures.Add($"{length}: {e.GetType().Name}: {e.Message}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_DamagedSample_NeverThrows(string file)
    {
        var text = File.ReadAllText(RepoFiles.PathOf("sample-config", file));
        var random = new Random(1234);
        const string noise = "{}[]:,-'\"&*!|>#%@` \n\t";
        var failures = new List<string>();

        for (var i = 0; i < 150; i++)
        {
            var chars = text.ToCharArray();
            for (var k = 0; k < 3; k++)
            {
                chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            }

            var damaged = new string(chars);
            try
            {
                var result = DefinitionLoader.Parse(damaged, file);
                result.Diagnostics.ShouldAllBe(d => d.Location.Line >= 0);
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name}: {e.Message}\n{damaged}");
            }
        }

        failures.ShouldBeEmpty();
    }
}
