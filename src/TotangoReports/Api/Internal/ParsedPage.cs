namespace TotangoReports.Api.Internal;

/// <summary>
/// One page as the server answered it, scanned once: where each account's JSON lies in the body, its id, and the
/// envelope's counts. Accounts are parsed one at a time on delivery, so no page-sized document is ever built.
/// Owns the (pooled) body until disposed.
/// </summary>
internal sealed class ParsedPage : IDisposable
{
    private readonly IDisposable? _lease;

    public ParsedPage(ReadOnlyMemory<byte> body, IReadOnlyList<Range> accounts, IReadOnlyList<string?> ids, long? totalItems, int? headerLength, int offsetAsked, IDisposable? lease)
    {
        Body = body;
        AccountRanges = accounts;
        Ids = ids;
        TotalItems = totalItems;
        HeaderLength = headerLength;
        OffsetAsked = offsetAsked;
        _lease = lease;
    }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Byte range of each account object within <see cref="Body"/>, in page order.</summary>
    public IReadOnlyList<Range> AccountRanges { get; }

    /// <summary><c>account_id</c> of each account in page order; null where an account has none.</summary>
    public IReadOnlyList<string?> Ids { get; }

    public long? TotalItems { get; }

    /// <summary><c>response_header.length</c> as answered, if any.</summary>
    public int? HeaderLength { get; }

    public int OffsetAsked { get; }

    public int Count => Ids.Count;

    public ReadOnlyMemory<byte> Account(int index) => Body[AccountRanges[index]];

    public bool SameAccountsAs(IReadOnlyList<string?> otherIds) => Count > 0 && Ids.SequenceEqual(otherIds, StringComparer.Ordinal);

    public void Dispose() => _lease?.Dispose();
}
