namespace TotangoReports.Definition.Internal;

internal enum ShapeKind
{
    /// <summary>A value (text, number, time): nothing below it.</summary>
    Value,

    /// <summary>An object with a fixed set of keys.</summary>
    Object,

    /// <summary>Free-form: any key, any depth (attributes, modules, actions).</summary>
    Free,

    /// <summary>A list; its items have the shape of <see cref="ShapeNode.Item"/>.</summary>
    List,
}
