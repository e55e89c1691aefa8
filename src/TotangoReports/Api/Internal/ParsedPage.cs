using System.Text.Json;

namespace TotangoReports.Api.Internal;

/// <summary>One page as the server answered it, parsed once; owns the document until disposed.</summary>
internal sealed class ParsedPage : IDisposable
{
    public ParsedPage(JsonDocument document, JsonElement accounts, IReadOnlyList<string?> ids, long? totalItems, int? headerLength, int offsetAsked)
    {
        Document = document;
        Accounts = accounts;
        Ids = ids;
        TotalItems = totalItems;
        HeaderLength = headerLength;
        OffsetAsked = offsetAsked;
    }

    public JsonDocument Document { get; }

    /// <summary>The <c>accounts</c> array.</summary>
    public JsonElement Accounts { get; }

    /// <summary><c>account_id</c> of each account in page order; null where an account has none.</summary>
    public IReadOnlyList<string?> Ids { get; }

    public long? TotalItems { get; }

    /// <summary><c>response_header.length</c> as answered, if any.</summary>
    public int? HeaderLength { get; }

    public int OffsetAsked { get; }

    public int Count => Ids.Count;

    public bool SameAccountsAs(IReadOnlyList<string?> otherIds) => Count > 0 && Ids.SequenceEqual(otherIds, StringComparer.Ordinal);

    public void Dispose() => Document.Dispose();
}
