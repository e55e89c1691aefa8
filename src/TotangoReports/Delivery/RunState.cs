using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TotangoReports.Delivery;

/// <summary>
/// What <c>since: last-run</c> reads: per dataset, when the last fully successful run started (unix seconds).
/// Written only after fetch, render and delivery all succeeded, atomically, so a killed run changes nothing.
/// </summary>
public sealed class RunState
{
    public const string DefaultFileName = ".totango-reports-state.json";

    /// <summary>A first delta run (no state yet) looks back this far.</summary>
    public static readonly TimeSpan FirstRunWindow = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("datasets")]
    public Dictionary<string, DatasetRunState> Datasets { get; init; } = new(StringComparer.Ordinal);

    public static string DefaultPath(string definitionPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(definitionPath))!, DefaultFileName);

    /// <summary>Reads the state, or an empty one when the file does not exist. A corrupt file is an error, never silently reset.</summary>
    public static RunState Load(string path)
    {
        if (!File.Exists(path))
        {
            return new RunState();
        }

        RunState? state;
        try
        {
            state = JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                string.Create(CultureInfo.InvariantCulture, $"{path}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: the state file is not valid JSON; fix or delete it (deleting makes the next run look back {FirstRunWindow.TotalDays} days)"),
                ex);
        }

        // Valid JSON of the wrong shape ({"datasets": null}, a dataset null) is as damaged as invalid JSON.
        if (state is not null && (state.Datasets is null || state.Datasets.Values.Any(d => d is null)))
        {
            throw new InvalidDataException($"{path}: the state file's \"datasets\" must be an object of {{ \"lastRun\": unix seconds }} per dataset; fix or delete it (deleting makes the next run look back {FirstRunWindow.TotalDays.ToString(CultureInfo.InvariantCulture)} days)");
        }

        return state ?? new RunState();
    }

    /// <summary>
    /// Writes the state atomically (a temporary file moved over the old one). Throws <see cref="WatermarkSaveException"/>
    /// when it cannot, after removing its temporary file; the old state is then untouched.
    /// </summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The folder refuses writes altogether; then no temporary file was made either.
            }

            throw new WatermarkSaveException(full, ex);
        }
    }
}

public sealed class DatasetRunState
{
    /// <summary>Start of the last successful run, unix seconds: the next run's <c>since</c>.</summary>
    [JsonPropertyName("lastRun")]
    public long LastRun { get; set; }

    [JsonPropertyName("lastRunIso")]
    public string? LastRunIso { get; set; }
}
