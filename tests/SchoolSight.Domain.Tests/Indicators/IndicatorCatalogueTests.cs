using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Tests.Indicators;

public sealed class IndicatorCatalogueTests
{
    [Fact]
    public void Parse_ListsEveryProblem_ByIndicator()
    {
        const string json = """
        { "version": 1, "indicators": [
          { "id": "A", "name": "Unknown field", "outcome": "StaySafe", "kind": "Proportion", "count": "NOPE = Y", "of": "FSM in Y,N", "polarity": "HigherIsBetter", "unit": "Percent", "source": "s" },
          { "id": "B", "name": "Bad code", "outcome": "StaySafe", "kind": "Proportion", "count": "FSM = Maybe", "of": "FSM in Y,N", "polarity": "HigherIsBetter", "unit": "Percent", "source": "s" },
          { "id": "C", "name": "Number compared with =", "outcome": "StaySafe", "kind": "Proportion", "count": "KS4_ATT8 = 3", "of": "FSM in Y,N", "polarity": "HigherIsBetter", "unit": "Percent", "source": "s" },
          { "id": "A", "name": "Repeated id", "outcome": "StaySafe", "kind": "Mean", "value": "KS4_ATT8", "polarity": "HigherIsBetter", "unit": "Score", "source": "s" },
          { "id": "D", "name": "Gap of nothing", "outcome": "StaySafe", "kind": "Gap", "baseIndicator": "ZZZ", "comparedWithGroup": "NonFsm", "polarity": "LowerIsBetter", "unit": "PercentagePoints", "source": "s" },
          { "id": "E", "outcome": "StaySafe", "kind": "Perception", "question": "Nope", "polarity": "HigherIsBetter", "unit": "Percent", "source": "s" }
        ] }
        """;
        var catalogue = IndicatorCatalogue.Parse(json, out var errors);

        catalogue.Indicators.ShouldBeEmpty();
        errors.ShouldContain(e => e.Contains("(A)") && e.Contains("'NOPE' is not a pupil field"));
        errors.ShouldContain(e => e.Contains("(B)") && e.Contains("'Maybe' is not a value of FSM"));
        errors.ShouldContain(e => e.Contains("(C)") && e.Contains("KS4_ATT8 is a number"));
        errors.ShouldContain(e => e.Contains("repeats an id"));
        errors.ShouldContain(e => e.Contains("(E)") && e.Contains("has no name"));
        errors.ShouldContain(e => e.Contains("(E)") && e.Contains("'Nope' is not a survey question"));
    }

    [Fact]
    public void Parse_RefusesAnIndicatorBuiltOnAnUnknownOne()
    {
        const string json = """
        { "version": 1, "indicators": [
          { "id": "D", "name": "Gap of nothing", "outcome": "StaySafe", "kind": "Gap", "baseIndicator": "ZZZ", "comparedWithGroup": "NonFsm", "polarity": "LowerIsBetter", "unit": "PercentagePoints", "source": "s" }
        ] }
        """;
        IndicatorCatalogue.Parse(json, out var errors);
        errors.ShouldContain(e => e.Contains("refers to 'ZZZ'"));
    }

    [Fact]
    public void Parse_RefusesJsonThatIsNotJson()
    {
        IndicatorCatalogue.Parse("{ not json", out var errors);
        errors.Single().ShouldStartWith("The catalogue is not valid JSON");
    }

    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData("2024-25", 2024)]
    [InlineData("2024/2025", 2024)]
    [InlineData("2024/26", null)]
    [InlineData("24/25", null)]
    [InlineData("", null)]
    public void AcademicYears_Parse(string text, int? expected) => AcademicYears.Parse(text).ShouldBe(expected);
}
