using System.Globalization;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Thousands of seeded mutations of every sample definition through <c>validate</c> and <c>run --sample</c>: each ends
/// with exit 0, or exit 2 and a <c>file:line:col</c> message — never an unhandled failure, a hang or a memory blow-up.
/// FUZZ_LONG=1 runs ten times as many cases.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DefinitionFuzzTests
{
    private const long MemoryLimit = 1L << 30;

    private static int Scale => HostileCorpus.Long("FUZZ_LONG") ? 10 : 1;

    [Fact]
    public async Task Validate_MutatedSampleDefinitions_ExitZeroOrTwoWithALocation()
    {
        await FuzzAsync(2_000 * Scale, seed: 20261127, file => ["validate", file]);
    }

    [Fact]
    public async Task RunSample_MutatedSampleDefinitions_ExitZeroOrTwoWithALocation()
    {
        await FuzzAsync(150 * Scale, seed: 4242, file => ["run", file, "--sample", "--format", "csv", "--no-email", "--quiet", "--out", "out"]);
    }

    /// <summary>
    /// Found by FUZZ_LONG: a 100,000-character timezone made the "did you mean" search allocate 2.7 GB. Every value
    /// and every key of every sample, in turn, replaced by such a string.
    /// </summary>
    [Fact]
    public async Task Validate_AHundredThousandCharacterValueOrKey_AnywhereIsReportedCheaply()
    {
        // Arrange
        var huge = new string('a', 100_000);
        using var cli = new CliHarness();
        var failures = new List<string>();
        var cases = 0;
        foreach (var (name, text) in HostileCorpus.SampleDefinitions())
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                var indent = lines[i].Length - lines[i].TrimStart(' ', '-').Length;
                foreach (var replaced in new[] { lines[i][..(colon + 2)] + huge, lines[i][..indent] + huge + lines[i][colon..] })
                {
                    cases++;
                    var file = cli.PathOf("huge-" + name);
                    await File.WriteAllTextAsync(file, string.Join('\n', lines.Take(i).Append(replaced).Concat(lines.Skip(i + 1))), TestContext.Current.CancellationToken);
                    var before = GC.GetTotalAllocatedBytes();

                    // Act
                    var result = await HostileCorpus.RunBoundedAsync(cli, "validate", file);

                    // Assert (collected)
                    var allocated = GC.GetTotalAllocatedBytes() - before;
                    if (result.ExitCode is not (0 or 2) || allocated > 256L << 20)
                    {
                        failures.Add($"{name} line {i + 1}: exit {result.ExitCode}, {allocated >> 20} MB");
                    }
                }
            }
        }

        cases.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty();
    }

    private static async Task FuzzAsync(int cases, int seed, Func<string, string[]> command)
    {
        // Arrange
        var definitions = HostileCorpus.SampleDefinitions();
        var random = new Random(seed);
        using var cli = new CliHarness();
        var failures = new List<string>();
        var outcomes = new Dictionary<int, int>();
        var samples = new List<string>();

        for (var i = 0; i < cases && failures.Count < 10; i++)
        {
            var (name, text) = definitions[i % definitions.Count];
            var mutated = DefinitionMutator.Mutate(text, random);
            var file = cli.PathOf("case-" + name);
            await File.WriteAllBytesAsync(file, Encode(mutated, random), TestContext.Current.CancellationToken);
            var before = GC.GetTotalAllocatedBytes();

            // Act
            CliResultBox result;
            try
            {
                result = await HostileCorpus.RunBoundedAsync(cli, command(file));
            }
            catch (TimeoutException hang)
            {
                failures.Add($"case {i} ({name}): {hang.Message}\n{mutated}");
                break;
            }

            // Assert (collected, so one run reports every distinct failure up to ten)
            var allocated = GC.GetTotalAllocatedBytes() - before;
            outcomes[result.ExitCode] = outcomes.GetValueOrDefault(result.ExitCode) + 1;
            if (result.ExitCode == 2 && samples.Count < 5)
            {
                samples.Add(result.Out + result.Error);
            }

            if (result.ExitCode is not (0 or 2))
            {
                failures.Add($"case {i} ({name}): {result}\n--- definition\n{Clip(mutated)}");
            }
            else if (result.ExitCode == 2 && !HostileCorpus.Location().IsMatch(result.Out + result.Error))
            {
                failures.Add($"case {i} ({name}): exit 2 without file:line:col: {result}\n--- definition\n{Clip(mutated)}");
            }
            else if (allocated > MemoryLimit)
            {
                failures.Add($"case {i} ({name}): allocated {allocated / (1 << 20)} MB\n--- definition\n{Clip(mutated)}");
            }
        }

        TestContext.Current.SendDiagnosticMessage(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => string.Create(CultureInfo.InvariantCulture, $"exit {o.Key}: {o.Value}"))));
        outcomes.GetValueOrDefault(0).ShouldBeGreaterThan(0, "no mutation survived: the corpus is not exercising the success path\n" + string.Join("\n", samples));
        outcomes.GetValueOrDefault(2).ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty(string.Join("\n\n=====\n", failures));
    }

    /// <summary>UTF-8, lone surrogates replaced; one case in twenty also gets an invalid UTF-8 sequence.</summary>
    private static byte[] Encode(string text, Random random)
    {
        var bytes = new System.Text.UTF8Encoding(false, false).GetBytes(text).ToList();
        if (random.Next(20) == 0)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), [0xC3, 0x28, 0xFF]);
        }

        return [.. bytes];
    }

    private static string Clip(string text) => text.Length > 3000 ? text[..3000] + "…" : text;
}
