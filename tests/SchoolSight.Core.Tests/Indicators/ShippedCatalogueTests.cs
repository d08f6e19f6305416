using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>The catalogue that ships with SchoolSight: valid, and covering what the seeds ask for.</summary>
public sealed class ShippedCatalogueTests
{
    private readonly IndicatorCatalogue _catalogue = IndicatorCatalogueSource.Default.Catalogue;

    [Fact]
    public void ParsesWithoutProblems()
    {
        IndicatorCatalogue.Parse(IndicatorCatalogueSource.ReadDefault(), out var errors);
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Threshold")]
    [InlineData("Gap closing")]
    [InlineData("Key Stage 2 level 4 English and mathematics combined")]
    [InlineData("Key Stage 2 English, two levels of progress")]
    [InlineData("Key Stage 2 mathematics, two levels of progress")]
    [InlineData("Schools below floor target")]
    [InlineData("Primary FSM gap")]
    [InlineData("Key Stage 2 below level 3")]
    [InlineData("Key Stage 2 level 4 English and mathematics for children in care")]
    [InlineData("5+ A*-C including English and mathematics")]
    [InlineData("Key Stage 4 English and mathematics, three levels of progress")]
    [InlineData("No passes at GCSE or equivalent")]
    [InlineData("Schools below GCSE floor target")]
    [InlineData("Secondary FSM gap")]
    [InlineData("SEN/non-SEN gap")]
    [InlineData("5+ A*-C including English and mathematics for children in care")]
    [InlineData("A*-C in English and mathematics")]
    [InlineData("Persistent absence")]
    public void EveryMeasureOfSeed003Appendix1_HasAnIndicator(string measure) =>
        _catalogue.Indicators.ShouldContain(i => i.SeedMeasure != null && i.SeedMeasure.Contains(measure, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void EveryEveryChildMattersOutcome_HasQuantitativeAndPerceptionIndicators()
    {
        foreach (var outcome in EcmOutcomes.All)
        {
            _catalogue.ForOutcome(outcome).ShouldContain(i => i.Kind != IndicatorKind.Perception, $"{outcome} has no quantitative indicator");
            _catalogue.ForOutcome(outcome).ShouldContain(i => i.Kind == IndicatorKind.Perception && i.Respondents == RespondentType.Pupil, $"{outcome} has no pupil perception indicator");
            _catalogue.ForOutcome(outcome).ShouldContain(i => i.Kind == IndicatorKind.Perception && i.Respondents == RespondentType.Parent, $"{outcome} has no parent perception indicator");
        }
    }

    [Fact]
    public void TheFsmGaps_AreMeasuredAgainstTheNationalNonFsmFigure()
    {
        foreach (var id in new[] { "KS2_FSM_GAP", "KS4_FSM_GAP" })
        {
            var gap = _catalogue[id];
            gap.ComparedWithNational.ShouldBeTrue();
            gap.Group.ShouldBe(PupilGroup.Fsm);
            gap.ComparedWithGroup.ShouldBe(PupilGroup.NonFsm);
        }
    }
}
