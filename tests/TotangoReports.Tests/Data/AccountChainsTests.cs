using TotangoReports.Data.Internal;

namespace TotangoReports.Tests.Data;

public sealed class AccountChainsTests
{
    private static List<string> Chains(params string[] expressions) =>
        AccountChains.Collect(ExpressionHost.Syntax(expressions.Select(CompiledExpression.Compile)).ToList())
            .Chains.Select(c => string.Join("/", c)).ToList();

    [Fact]
    public void Collect_KeepsOnlyTheMemberChainsUsed()
    {
        var chains = Chains(
            "row[\"Users 30d\"] / (account.attributes.Licenses | string.to_int)",
            "account.attributes[\"Plan Type\"] == \"Pro\" && account.engagement.score.current > 1");

        chains.ShouldBe(["attributes/Licenses", "attributes/Plan Type", "engagement/score/current"], ignoreOrder: true);
    }

    [Fact]
    public void Collect_ComputedIndex_KeepsTheObjectBeforeIt()
    {
        var chains = Chains("account.attributes[params.key]", "account.attributes.Region");

        chains.ShouldBe(["attributes"]);
    }

    [Fact]
    public void Collect_AccountUsedWhole_KeepsEverything()
    {
        var collected = AccountChains.Collect(ExpressionHost.Syntax([CompiledExpression.Compile("account | object.keys"), CompiledExpression.Compile("account.name")]));

        collected.Whole.ShouldBeTrue();
    }

    [Fact]
    public void Collect_NoAccount_KeepsNothing()
    {
        Chains("Score * 2", "row.account").ShouldBeEmpty();
    }
}
