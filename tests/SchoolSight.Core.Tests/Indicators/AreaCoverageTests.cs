using Microsoft.Extensions.Configuration;
using SchoolSight.Core.Indicators;

namespace SchoolSight.Core.Tests.Indicators;

public sealed class AreaCoverageTests
{
    private static AreaCoverage Coverage(double pupils, double published, double warningBelow = 90) =>
        new("state-funded schools", 128, pupils, published, null, warningBelow, []);

    [Fact]
    public void AFigureCoveringExactlyTheThreshold_IsNotPartial_AndOneBelowItWarns()
    {
        Coverage(900, 1000).Partial.ShouldBeFalse();
        Coverage(900, 1000).Warning.ShouldBeNull();
        Coverage(899.9, 1000).Partial.ShouldBeTrue();
        Coverage(899.9, 1000).Warning!.ShouldStartWith("Partial figure: it counts 90.0% of the pupils");
    }

    [Fact]
    public void TheSummary_SaysSchoolsAndPupilsAgainstTheDfEsCount()
    {
        Coverage(12410, 12588).Summary.ShouldBe("128 schools, 12,410 of 12,588 pupils (98.6%)");
        new AreaCoverage("", 1, 30, null, null, 90, []).Summary.ShouldBe("1 school, 30 pupils");
        new AreaCoverage("", 1, 30, null, null, 90, []).Partial.ShouldBeFalse();
    }

    [Fact]
    public void TheThreshold_IsASetting_Defaulting90_AndANonsenseOneStopsStartUp()
    {
        IndicatorCatalogueSource.Default.CoverageWarningBelow.ShouldBe(90);
        IConfiguration Settings(string value) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Indicators:CoverageWarningBelow"] = value }).Build();
        var strict = new IndicatorCatalogueSource(Settings("95"));
        strict.CoverageWarningBelow.ShouldBe(95);
        Coverage(940, 1000, strict.CoverageWarningBelow).Partial.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => new IndicatorCatalogueSource(Settings("120"))).Message.ShouldContain("Indicators:CoverageWarningBelow");
    }
}
