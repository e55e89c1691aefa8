namespace TotangoReports.Definition.Internal;

/// <summary>One node of the known account-record shape.</summary>
internal sealed class ShapeNode
{
    private ShapeNode(ShapeKind kind) => Kind = kind;

    public ShapeKind Kind { get; }

    public IReadOnlyDictionary<string, ShapeNode> Children { get; private init; } = new Dictionary<string, ShapeNode>();

    public ShapeNode? Item { get; private init; }

    public static ShapeNode Value { get; } = new(ShapeKind.Value);

    public static ShapeNode Free { get; } = new(ShapeKind.Free);

    public static ShapeNode Object(params (string Key, ShapeNode Shape)[] children) =>
        new(ShapeKind.Object) { Children = children.ToDictionary(c => c.Key, c => c.Shape, StringComparer.Ordinal) };

    public static ShapeNode ObjectOf(IEnumerable<string> keys, ShapeNode shape) =>
        new(ShapeKind.Object) { Children = keys.ToDictionary(k => k, _ => shape, StringComparer.Ordinal) };

    public static ShapeNode ListOf(ShapeNode item) => new(ShapeKind.List) { Item = item };
}
