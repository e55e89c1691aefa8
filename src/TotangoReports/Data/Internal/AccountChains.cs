using Scriban.Syntax;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The parts of the raw record the expressions read: every <c>account.x.y</c> / <c>account["x"]</c> chain, found by
/// walking the parsed expressions. Only these are kept per account. A chain cut short by a computed index
/// (<c>account.attributes[name]</c>) keeps the object before it whole; <c>account</c> used on its own keeps everything.
/// </summary>
internal sealed class AccountChains
{
    private readonly List<string[]> _chains = [];

    public IReadOnlyList<string[]> Chains => _chains;

    /// <summary>True when an expression uses <c>account</c> itself: the whole record is kept.</summary>
    public bool Whole => _chains.Count == 1 && _chains[0].Length == 0;

    public bool IsEmpty => _chains.Count == 0;

    public static AccountChains Collect(IEnumerable<ScriptNode> roots)
    {
        var found = new List<string[]>();
        foreach (var root in roots)
        {
            Walk(root, found);
        }

        var result = new AccountChains();
        // A chain whose prefix is kept anyway adds nothing; the empty chain (the whole record) covers every other.
        foreach (var chain in found.OrderBy(c => c.Length))
        {
            if (!result._chains.Any(kept => chain.AsSpan().StartsWith(kept)))
            {
                result._chains.Add(chain);
            }
        }

        return result;
    }

    private static void Walk(ScriptNode? node, List<string[]> found)
    {
        if (node is null)
        {
            return;
        }

        if (node is ScriptVariableGlobal { Name: "account" })
        {
            found.Add([]);
            return;
        }

        if (node is ScriptMemberExpression or ScriptIndexerExpression && TryChain(node, found))
        {
            return;
        }

        if (node is ScriptMemberExpression member)
        {
            // The member name (row.account) is a name, not a variable.
            Walk(member.Target, found);
            return;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Walk(node.GetChildren(i), found);
        }
    }

    /// <summary>Outermost member/indexer first, so the chain found is the longest one.</summary>
    private static bool TryChain(ScriptNode node, List<string[]> found)
    {
        var segments = new List<string>();
        var computedIndexes = new List<ScriptNode>();
        var current = node;
        while (true)
        {
            switch (current)
            {
                case ScriptMemberExpression member:
                    segments.Add(member.Member?.Name ?? string.Empty);
                    current = member.Target;
                    continue;
                case ScriptIndexerExpression { Index: ScriptLiteral { Value: string key } } indexer:
                    segments.Add(key);
                    current = indexer.Target;
                    continue;
                case ScriptIndexerExpression indexer:
                    // Computed or numeric index: keep what is before it whole, and look inside the index.
                    segments.Clear();
                    if (indexer.Index is not null)
                    {
                        computedIndexes.Add(indexer.Index);
                    }

                    current = indexer.Target;
                    continue;
                case ScriptVariableGlobal { Name: "account" }:
                    segments.Reverse();
                    found.Add([.. segments]);
                    foreach (var index in computedIndexes)
                    {
                        Walk(index, found);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }
}
