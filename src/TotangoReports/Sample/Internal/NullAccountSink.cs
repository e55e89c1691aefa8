using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Sample.Internal;

/// <summary>Discards accounts: writing a snapshot only needs the pages, not the rows.</summary>
internal sealed class NullAccountSink : IAccountSink
{
    public static readonly NullAccountSink Instance = new();

    public void Add(ReturnType returnType, JsonElement account)
    {
    }
}
