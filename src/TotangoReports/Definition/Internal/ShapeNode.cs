namespace TotangoReports.Definition.Internal;

/// <summary>One node of the known account-record shape.</summary>
internal sealed class ShapeNode
{
    private ShapeNode(ShapeKind kind) => Kind = kind;

    public ShapeKind Kind { get; }

    public IReadOnlyDictionary<string, ShapeNode> Children { get; private init; } = new Dictionary<string, ShapeNode>();

    public ShapeNode? Item { get; private init; }

    /// <summary>Shape of any further key <see cref="AcceptsKey"/> allows (windows a server sends beyond the known ones).</summary>
    public ShapeNode? OtherKeys { get; private init; }

    public Func<string, bool>? AcceptsKey { get; private init; }

    /// <summary>The shape below <paramref name="key"/>, or null when this object can't hold it.</summary>
    public ShapeNode? Child(string key) =>
        Children.TryGetValue(key, out var child) ? child : AcceptsKey?.Invoke(key) == true ? OtherKeys : null;

    public static ShapeNode Value { get; } = new(ShapeKind.Value);

    public static ShapeNode Free { get; } = new(ShapeKind.Free);

    public static ShapeNode Object(params (string Key, ShapeNode Shape)[] children) =>
        new(ShapeKind.Object) { Children = children.ToDictionary(c => c.Key, c => c.Shape, StringComparer.Ordinal) };

    /// <summary>An object whose <paramref name="keys"/>, and any other key <paramref name="accepts"/> allows, all have <paramref name="shape"/>.</summary>
    public static ShapeNode ObjectOf(IEnumerable<string> keys, ShapeNode shape, Func<string, bool>? accepts = null) =>
        new(ShapeKind.Object) { Children = keys.ToDictionary(k => k, _ => shape, StringComparer.Ordinal), OtherKeys = shape, AcceptsKey = accepts };

    public static ShapeNode ListOf(ShapeNode item) => new(ShapeKind.List) { Item = item };
}
