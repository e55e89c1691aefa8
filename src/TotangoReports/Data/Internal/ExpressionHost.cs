using System.Reflection;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Evaluates a dataset's expressions row after row with one reusable <see cref="TemplateContext"/>. Expressions see
/// <c>row</c> (every column by name), plain-identifier columns bare (<c>Score</c>), <c>account</c> (only the parts the
/// expressions use, see <see cref="AccountChains"/>), <c>params</c> and, for group aggregates, <c>rows</c>.
/// Only Scriban objects are exposed, CLR members are filtered out, loops and recursion are bounded.
/// </summary>
internal sealed partial class ExpressionHost
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "row", "rows", "account", "params", "this" };

    private readonly TemplateContext _context;
    private readonly ScriptObject _globals = [];
    private readonly ScriptObject _row = [];

    // Variables an expression assigns land here and are cleared after it, so no row sees another row's leftovers.
    private readonly ScriptObject _scratch = [];
    private readonly string[] _columns;
    private readonly bool[] _bare;
    private readonly AccountChains _chains;
    private readonly (ScriptObject Parent, string Key)[] _leafSlots;

    /// <param name="clock">The run's now and the report's zone, which <c>date.now</c> answers with; every data context passes them.</param>
    public ExpressionHost(DatasetBuilderOptions options, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<string> columns, AccountChains chains, (DateTimeOffset Now, TimeZoneInfo Zone)? clock = null)
    {
        _context = new TemplateContext
        {
            LoopLimit = options.LoopLimit,
            RecursiveLimit = options.RecursiveLimit,
            LimitToString = options.MaxTextLength,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            MemberFilter = AllowMember,
            RegexTimeOut = TimeSpan.FromSeconds(1),
        };

        // string.to_float "1.5" must not depend on the machine's culture.
        _context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        if (clock is { } run)
        {
            RunClock.Install(_context, run.Now, run.Zone);
        }

        var paramsObject = new ScriptObject();
        foreach (var (name, value) in parameters)
        {
            paramsObject[name] = value;
        }

        paramsObject.IsReadOnly = true;
        _globals["params"] = paramsObject;
        _globals["row"] = _row;
        _columns = [.. columns];
        _bare = _columns.Select(c => PlainIdentifier().IsMatch(c) && !Reserved.Contains(c) && !_context.BuiltinObject.ContainsKey(c)).ToArray();

        _chains = chains;
        var accountRoot = new ScriptObject();
        _leafSlots = chains.Whole ? [] : chains.Chains.Select(chain => SlotFor(accountRoot, chain)).ToArray();
        _globals["account"] = chains.Whole ? null : accountRoot;
        _context.PushGlobal(_globals);
        _context.PushGlobal(_scratch);
    }

    /// <summary>Sets every column of the current row (values as typed cells) and the parts of its account record.</summary>
    public void SetRow(IReadOnlyList<object?> cells, object?[]? accountLeaves)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            SetCell(i, i < cells.Count ? cells[i] : null);
        }

        if (_chains.Whole)
        {
            _globals["account"] = accountLeaves?[0];
        }
        else
        {
            for (var i = 0; i < _leafSlots.Length; i++)
            {
                var (parent, key) = _leafSlots[i];
                parent[key] = accountLeaves?[i];
            }
        }
    }

    public void SetCell(int column, object? cell)
    {
        var value = ScriptValues.FromCell(cell);
        _row[_columns[column]] = value;
        if (_bare[column])
        {
            _globals[_columns[column]] = value;
        }
    }

    public void SetRows(ScriptArray? rows) => _globals["rows"] = rows;

    /// <summary>A name every expression sees (the run-level values of <c>checks:</c>: <c>rows</c>, <c>previous_rows</c>, <c>kpis</c>).</summary>
    public void SetGlobal(string name, object? value) => _globals[name] = value;

    public ScriptObject RowObject(IReadOnlyList<object?> cells)
    {
        var obj = new ScriptObject();
        for (var i = 0; i < _columns.Length; i++)
        {
            obj[_columns[i]] = ScriptValues.FromCell(i < cells.Count ? cells[i] : null);
        }

        return obj;
    }

    public bool IsTrue(object? value) => _context.ToBool(default, value);

    /// <summary>Runs <paramref name="expression"/> against the current row; false with the reason when it fails.</summary>
    public bool TryEvaluate(CompiledExpression expression, out object? value, out string? error)
    {
        value = null;
        if (expression.Template is null)
        {
            error = expression.Error;
            return false;
        }

        try
        {
            value = expression.Single is { } single ? _context.Evaluate(single) : expression.Template.Evaluate(_context);
            error = null;
            return true;
        }
#pragma warning disable CA1031 // An expression failing on one row's data is a warning about that data, whatever the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex is ScriptRuntimeException runtime ? runtime.OriginalMessage : ex.Message;
            return false;
        }
        finally
        {
            _scratch.Clear();
        }
    }

    public static IEnumerable<ScriptNode> Syntax(IEnumerable<CompiledExpression> expressions) =>
        expressions.Select(e => e.Template?.Page).OfType<ScriptNode>();

    private static (ScriptObject Parent, string Key) SlotFor(ScriptObject root, string[] chain)
    {
        var parent = root;
        for (var i = 0; i < chain.Length - 1; i++)
        {
            if (parent.TryGetValue(chain[i], out var existing) && existing is ScriptObject child)
            {
                parent = child;
                continue;
            }

            child = [];
            parent[chain[i]] = child;
            parent = child;
        }

        return (parent, chain[^1]);
    }

    // Data reaches expressions as Scriban objects; of CLR types only dates' own members (year, month...) are readable.
    private static bool AllowMember(MemberInfo member) =>
        member.DeclaringType == typeof(DateTime) || member.DeclaringType == typeof(TimeSpan);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
