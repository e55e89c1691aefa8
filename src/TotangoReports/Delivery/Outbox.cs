using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace TotangoReports.Delivery;

/// <summary>
/// The run's rendered mail, kept in <c>--out/.outbox/</c> until every recipient has accepted it (PRODUCT.md §2
/// <c>resend</c>): one <c>.eml</c> per message (the roll-up, each burst value) and <c>status.json</c> with each
/// recipient's status. A run builds its outbox in a staging folder, so a run that fails before delivering leaves the
/// previous run's outbox (and its <c>resend</c>) as it was. Once nothing is pending the folder is removed.
/// </summary>
internal sealed class Outbox
{
    public const string FolderName = ".outbox";
    public const string StatusFileName = "status.json";

    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Outbox(string outputDirectory, string folder, OutboxStatus status)
    {
        OutputDirectory = outputDirectory;
        Folder = folder;
        Status = status;
    }

    public string OutputDirectory { get; }

    /// <summary>Where the messages and status are now (the staging folder until <see cref="Keep"/>).</summary>
    public string Folder { get; private set; }

    public OutboxStatus Status { get; }

    /// <summary>Every recipient of every message, in order.</summary>
    public IEnumerable<(OutboxMessage Message, OutboxRecipient Recipient)> Recipients =>
        Status.Messages.SelectMany(m => m.Recipients.Select(r => (m, r)));

    public static string PathIn(string outputDirectory) => Path.Combine(Path.GetFullPath(outputDirectory), FolderName);

    /// <summary>
    /// A new, empty outbox in a staging folder of <paramref name="outputDirectory"/>. The caller holds the folder's
    /// lock, so any other staging folder is a killed run's and is removed.
    /// </summary>
    public static Outbox CreateStaging(string outputDirectory)
    {
        var full = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(full))
        {
            foreach (var leftover in Directory.EnumerateDirectories(full, FolderName + "-*.staging"))
            {
                DeleteFolder(leftover);
            }
        }

        var folder = Path.Combine(full, $"{FolderName}-{Guid.NewGuid().ToString("N")[..12]}.staging");
        Directory.CreateDirectory(folder);
        return new Outbox(full, folder, new OutboxStatus());
    }

    /// <summary>The kept outbox of <paramref name="outputDirectory"/>, or null when there is none (everything was accepted).</summary>
    public static Outbox? Open(string outputDirectory)
    {
        var full = Path.GetFullPath(outputDirectory);
        var folder = PathIn(full);
        var file = Path.Combine(folder, StatusFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        OutboxStatus? status;
        try
        {
            status = JsonSerializer.Deserialize<OutboxStatus>(File.ReadAllText(file), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file} is damaged ({ex.Message}); the kept mail can't be resent safely. Check run.json for who did not receive it", ex);
        }

        return status is null ? null : new Outbox(full, folder, status);
    }

    /// <summary>Keeps <paramref name="message"/> as a file and lists its recipients as pending.</summary>
    public OutboxMessage Add(string? burst, MimeMessage message, IEnumerable<string> recipients)
    {
        var name = $"{Status.Messages.Count + 1:D4}.eml";
        using (var stream = File.Create(Path.Combine(Folder, name)))
        {
            message.WriteTo(stream);
        }

        var entry = new OutboxMessage
        {
            Burst = burst,
            File = name,
            Subject = message.Subject,
            Recipients = [.. recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(r => new OutboxRecipient { Address = r, Status = Pending })],
        };
        Status.Messages.Add(entry);
        return entry;
    }

    /// <summary>A message not sent (a <c>when:</c> rule, no recipient): listed with its reason, no file kept.</summary>
    public void AddSkipped(string? burst, IEnumerable<string> recipients, string reason) =>
        Status.Messages.Add(new OutboxMessage
        {
            Burst = burst,
            Recipients = [.. recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(r => new OutboxRecipient { Address = r, Status = Skipped, Reason = reason })],
        });

    public MimeMessage Load(OutboxMessage message) => MimeMessage.Load(Path.Combine(Folder, message.File!));

    public bool AnyPending => Recipients.Any(r => r.Recipient.Status is Pending or Failed);

    /// <summary>Writes <c>status.json</c> atomically (temporary file, then moved over the old one).</summary>
    public void Save()
    {
        var file = Path.Combine(Folder, StatusFileName);
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(Status, Json));
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>Makes this (staging) outbox the kept one, replacing a previous run's.</summary>
    public void Keep()
    {
        var target = PathIn(OutputDirectory);
        if (string.Equals(Folder, target, StringComparison.Ordinal))
        {
            return;
        }

        Save();
        DeleteFolder(target);
        Directory.Move(Folder, target);
        Folder = target;
    }

    /// <summary>Removes this outbox's folder (everything was accepted, or the run did not deliver).</summary>
    public void Delete() => DeleteFolder(Folder);

    /// <summary>Removes the kept outbox of a previous run (this run delivered everything it had to).</summary>
    public static void DeleteKept(string outputDirectory) => DeleteFolder(PathIn(outputDirectory));

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary><c>status.json</c> of the outbox.</summary>
internal sealed class OutboxStatus
{
    public List<OutboxMessage> Messages { get; init; } = [];
}

/// <summary>One message (the roll-up's when <see cref="Burst"/> is null) and its recipients.</summary>
internal sealed class OutboxMessage
{
    public string? Burst { get; init; }

    /// <summary>The <c>.eml</c> in the outbox; null for a message that was skipped.</summary>
    public string? File { get; init; }

    public string? Subject { get; init; }

    public List<OutboxRecipient> Recipients { get; init; } = [];
}

/// <summary>One recipient: pending, sent, failed (with why) or skipped (with why).</summary>
internal sealed class OutboxRecipient
{
    public required string Address { get; init; }

    public required string Status { get; set; }

    public string? Reason { get; set; }
}
