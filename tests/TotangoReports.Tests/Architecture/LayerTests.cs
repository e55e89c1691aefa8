using System.Reflection;
using NetArchTest.Rules;

namespace TotangoReports.Tests.Architecture;

/// <summary>
/// The library reads one way: Definition ← Api ← Data ← Rendering ← Delivery ← Store ← Runs ← the front door. A namespace may
/// use those before it, never one after it; a back-edge (a cycle) fails here with the types that made it.
/// </summary>
public sealed class LayerTests
{
    /// <summary>
    /// Every namespace of the library in flow order. Logging (redaction) is used by all; Configuration (SMTP and API
    /// settings) and Sample (a source of pages) sit between the client and the rows.
    /// </summary>
    public static readonly string[] Layers =
    [
        "TotangoReports.Logging",
        "TotangoReports.Definition",
        "TotangoReports.Api",
        "TotangoReports.Configuration",
        "TotangoReports.Sample",
        "TotangoReports.Data",
        "TotangoReports.Rendering",
        "TotangoReports.Delivery",
        "TotangoReports.Store",
        "TotangoReports.Runs",
        FrontDoor,
    ];

    /// <summary>The root namespace: <see cref="ReportEngine"/>, its options and sources.</summary>
    private const string FrontDoor = "TotangoReports";

    private static readonly Assembly Library = typeof(ReportEngine).Assembly;

    public static TheoryData<string> LayerNames => new(Layers[..^1]);

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_UsesNoLayerAfterIt(string layer)
    {
        var later = Layers.SkipWhile(l => l != layer).Skip(1).SelectMany(DependencyNames).ToArray();

        var result = Types.InAssembly(Library).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(later).GetResult();

        result.IsSuccessful.ShouldBeTrue($"{layer} uses a later layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void EveryNamespace_BelongsToALayer()
    {
        var namespaces = Library.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(FrontDoor, StringComparison.Ordinal)).Distinct();

        namespaces.Where(n => n != FrontDoor && !Layers.Any(l => l != FrontDoor && (n == l || n.StartsWith(l + ".", StringComparison.Ordinal))))
            .ShouldBeEmpty("add the new namespace to Layers, in flow order");
    }

    [Fact]
    public void Check_CatchesABackEdge()
    {
        // The client uses the definition model (a forward edge): asked the other way round, the rule must see it.
        var result = Types.InAssembly(Library).That().ResideInNamespace("TotangoReports.Api").ShouldNot().HaveDependencyOnAny(DependencyNames("TotangoReports.Definition").ToArray()).GetResult();

        result.IsSuccessful.ShouldBeFalse();
    }

    [Fact]
    public void Library_HasNoExitCodes()
    {
        var members = Library.GetTypes().SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Contains("ExitCode", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType}.{m.Name}");

        members.ShouldBeEmpty("exit codes belong to the CLI");
    }

    /// <summary>
    /// What a dependency on <paramref name="layer"/> looks like to NetArchTest (a name prefix): the namespace itself,
    /// or for the root namespace, its own types one by one (the name "TotangoReports" would match everything).
    /// </summary>
    private static IEnumerable<string> DependencyNames(string layer) =>
        layer == FrontDoor
            ? Library.GetTypes().Where(t => t.Namespace == FrontDoor && !t.Name.StartsWith('<')).Select(t => t.FullName!)
            : [layer];
}
