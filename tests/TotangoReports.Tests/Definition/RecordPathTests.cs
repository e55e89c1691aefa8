using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class RecordPathTests
{
    [Theory]
    [InlineData("engagement.score.current", new[] { "engagement", "score", "current" })]
    [InlineData("attributes.Renewal-Date", new[] { "attributes", "Renewal-Date" })]
    [InlineData("attributes[\"Plan Type\"]", new[] { "attributes", "Plan Type" })]
    [InlineData("attributes['a.b'].x", new[] { "attributes", "a.b", "x" })]
    public void TryParse_SplitsKeys(string text, string[] expected)
    {
        var path = RecordPath.TryParse(text, out var error, out _);

        error.ShouldBeNull();
        path!.Segments.Select(s => s.Name).ShouldBe(expected);
    }

    [Fact]
    public void TryParse_ReadsArrayIndexes()
    {
        var path = RecordPath.Parse("users[1].name");

        path.Segments[1].ShouldBe(PathSegment.At(1));
        path.Segments[2].ShouldBe(PathSegment.Key("name"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a..b", 2)]
    [InlineData("a.", 1)]
    [InlineData("a b", 1)]
    [InlineData("attributes[\"Plan Type\"", 10)]
    [InlineData("a[x]", 1)]
    public void TryParse_RejectsMalformedPaths_WithOffset(string text, int offset)
    {
        var path = RecordPath.TryParse(text, out var error, out var errorOffset);

        path.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        errorOffset.ShouldBe(offset);
    }
}
