namespace TotangoReports.Sample.Internal;

/// <summary>
/// SplitMix64: tiny, fast, and fully determined by its seed, so sample data never depends on
/// <see cref="Random"/>'s implementation or shared state. One instance per account makes accounts random-access.
/// </summary>
internal struct SamplePrng
{
    private ulong _state;

    public SamplePrng(int seed, int stream)
    {
        _state = ((ulong)(uint)seed << 32) ^ (uint)stream;
        _state = Mix(_state + 0x9E3779B97F4A7C15UL);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    public double Range(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
