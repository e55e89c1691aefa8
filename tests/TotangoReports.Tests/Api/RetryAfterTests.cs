using TotangoReports.Api.Internal;

namespace TotangoReports.Tests.Api;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 120 ", 120)]
    [InlineData("Mon, 23 Nov 2026 08:00:30 GMT", 30)]
    [InlineData("Mon, 23 Nov 2026 07:59:00 GMT", 0)]
    public void Parse_SecondsOrHttpDate_GivesTheDelay(string header, int expectedSeconds)
    {
        RetryAfter.Parse(header, Now).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Parse_MissingOrUnreadable_GivesNull(string? header)
    {
        RetryAfter.Parse(header, Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("1e12")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public void Parse_AbsurdDelay_IsCappedInsteadOfOverflowing(string header)
    {
        RetryAfter.Parse(header, Now).ShouldBe(RetryAfter.Longest);
    }

    [Fact]
    public void Parse_NotANumber_GivesNull()
    {
        RetryAfter.Parse("NaN", Now).ShouldBeNull();
    }
}
