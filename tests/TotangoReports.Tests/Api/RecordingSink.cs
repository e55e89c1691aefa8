using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Api;

/// <summary>Keeps what the pipeline hands over: ids in order, and each account's raw JSON.</summary>
internal sealed class RecordingSink : IAccountSink
{
    public List<string> Ids { get; } = [];

    public List<string> RawAccounts { get; } = [];

    public List<ReturnType> Returns { get; } = [];

    public void Add(ReturnType returnType, JsonElement account)
    {
        Ids.Add(account.GetProperty("account_id").GetString()!);
        RawAccounts.Add(account.GetRawText());
        Returns.Add(returnType);
    }
}
