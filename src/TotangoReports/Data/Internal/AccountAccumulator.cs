using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The streaming side of a dataset: each record is projected at once (typed cells, pivot counts, the record parts the
/// plan's expressions read) so memory holds projections, not JSON; records of several return types are joined on
/// <c>account_id</c>, in first-seen order (a users or events search: one row per user or event, keyed by the account
/// id and <c>user_id</c> or <c>event_id</c>). Nothing is evaluated, filtered or sorted here.
/// </summary>
internal sealed class AccountAccumulator : IAccountSink
{
    private readonly ProblemLog _problems;
    private readonly int _pathColumns;
    private readonly AccountProjector _projector;
    private readonly Dictionary<string, ProjectedAccount> _byId = new(StringComparer.Ordinal);
    private readonly List<ProjectedAccount> _accounts = [];

    // Users and events searches give one row per user or event, each still carrying its account's id (for lookups).
    private readonly string? _rowKey;

    public AccountAccumulator(DatasetPlan plan, TimeZoneInfo zone)
    {
        _problems = plan.Problems;
        _pathColumns = plan.PathColumns.Count;
        var reader = plan.Activities is { } activities ? new ActivityReader(activities, plan.Windows) : null;
        _projector = new AccountProjector(plan.PathColumns, plan.Chains, reader, zone, _problems);
        Presence = new PathPresence(plan.PathColumns);
        _rowKey = plan.Dataset.Search?.Entity switch
        {
            SearchEntity.Users => "user_id",
            SearchEntity.Events => "event_id",
            _ => null,
        };
    }

    /// <summary>Unique accounts in first-seen order.</summary>
    public List<ProjectedAccount> Accounts => _accounts;

    /// <summary>Which path columns the records had at all (for the "no account has this path" warning).</summary>
    public PathPresence Presence { get; }

    public void Add(ReturnType returnType, JsonElement account)
    {
        var id = JsonNavigator.TryGet(account, "account_id", out var idElement) ? JsonNavigator.ReadText(idElement) : null;
        if (string.IsNullOrEmpty(id))
        {
            _problems.Add("records", "an account record has no account_id", "(none)", "such records are skipped");
            return;
        }

        var key = _rowKey is not null && JsonNavigator.TryGet(account, _rowKey, out var rowElement) ? id + "\u001f" + JsonNavigator.ReadText(rowElement) : id;
        if (!_byId.TryGetValue(key, out var projected))
        {
            projected = new ProjectedAccount(id, _pathColumns);
            _byId.Add(key, projected);
            _accounts.Add(projected);
        }

        _projector.Project(account, projected);
        Presence.Observe(account);
    }

    /// <summary>Drops the projections once the table holds what is needed: they would only double a big list's memory.</summary>
    public void Release()
    {
        _accounts.Clear();
        _accounts.TrimExcess();
        _byId.Clear();
        _byId.TrimExcess();
    }
}
