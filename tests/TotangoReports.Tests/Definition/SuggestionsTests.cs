using TotangoReports.Definition.Internal;

namespace TotangoReports.Tests.Definition;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("columns", "columns", 0)]
    [InlineData("colums", "columns", 1)]
    [InlineData("cloumns", "columns", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEditsWithAdjacentSwapsAsOne(string a, string b, int expected)
    {
        Suggestions.Distance(a, b).ShouldBe(expected);
    }

    [Theory]
    [InlineData("colums", "columns")]
    [InlineData("FILTER", "filter")]
    [InlineData("desc", "description")]
    public void Closest_FindsLikelyTypos(string text, string expected)
    {
        Suggestions.Closest(text, ["title", "columns", "filter", "description"]).ShouldBe(expected);
    }

    [Fact]
    public void Closest_SuggestsNothingForAnUnrelatedWord()
    {
        Suggestions.Closest("banana", ["title", "columns", "filter"]).ShouldBeNull();
    }
}
