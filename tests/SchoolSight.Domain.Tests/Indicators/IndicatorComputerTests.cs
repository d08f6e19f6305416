using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Domain.Tests.Indicators;

public sealed class IndicatorComputerTests
{
    private const string CatalogueJson = """
    {
      "version": 1,
      "indicators": [
        { "id": "RWM", "name": "KS2 RWM", "outcome": "EnjoyAndAchieve", "kind": "Proportion", "count": "KS2_RWM_EXP = Y", "of": "KS2_RWM_EXP in Y,N", "polarity": "HigherIsBetter", "unit": "Percent", "source": "test" },
        { "id": "READ", "name": "Reading progress", "outcome": "EnjoyAndAchieve", "kind": "Mean", "value": "KS2_READ_PROG", "polarity": "HigherIsBetter", "unit": "Score", "source": "test" },
        { "id": "ABS", "name": "Absence", "outcome": "EnjoyAndAchieve", "kind": "Rate", "value": "SessionsMissed", "over": "SessionsPossible", "polarity": "LowerIsBetter", "unit": "Percent", "source": "test" },
        { "id": "PA", "name": "Persistent absence", "outcome": "StaySafe", "kind": "Proportion", "count": "SessionsMissed / SessionsPossible >= 0.1", "of": "SessionsPossible > 0", "polarity": "LowerIsBetter", "unit": "Percent", "source": "test" },
        { "id": "SAFE", "name": "Feel safe", "outcome": "StaySafe", "kind": "Perception", "question": "FeelSafe", "respondents": "Pupil", "polarity": "HigherIsBetter", "unit": "Percent", "source": "test" },
        { "id": "FLOOR", "name": "Below floor", "outcome": "EnjoyAndAchieve", "kind": "SchoolShare", "schoolRule": "RWM < 65", "polarity": "LowerIsBetter", "unit": "Percent", "source": "test" },
        { "id": "GAP", "name": "FSM gap", "outcome": "EnjoyAndAchieve", "kind": "Gap", "baseIndicator": "RWM", "group": "Fsm", "comparedWithGroup": "NonFsm", "polarity": "LowerIsBetter", "unit": "PercentagePoints", "source": "test" }
      ]
    }
    """;

    private static IndicatorComputer Computer()
    {
        var catalogue = IndicatorCatalogue.Parse(CatalogueJson, out var errors);
        errors.ShouldBeEmpty();
        return new IndicatorComputer(catalogue);
    }

    [Fact]
    public void Proportion_CountsEachGroupFromItsPupils()
    {
        var pupils = new PupilBuilder()
            .Add(6, ("KS2_RWM_EXP", "Y"), ("FSM", "Y"))
            .Add(4, ("KS2_RWM_EXP", "N"), ("FSM", "Y"), ("Gender", "M"))
            .Add(18, ("KS2_RWM_EXP", "Y"))
            .Add(2, ("KS2_RWM_EXP", "N"), ("SEN", "E"))
            .Add(5, ("NCYear", "5")) // no KS2 result: not in the denominator
            .Build();
        var computer = Computer();
        var tallies = computer.Compute(pupils, null);
        var slot = tallies.SlotOf("RWM");

        tallies[slot, PupilGroup.All].ShouldBe(new Tally(24, 30, 0, 30));
        tallies[slot, PupilGroup.Fsm].ShouldBe(new Tally(6, 10, 0, 10));
        tallies[slot, PupilGroup.NonFsm].ShouldBe(new Tally(18, 20, 0, 20));
        tallies[slot, PupilGroup.Sen].ShouldBe(new Tally(0, 2, 0, 2));
        tallies[slot, PupilGroup.Boys].ShouldBe(new Tally(0, 4, 0, 4));
        tallies[slot, PupilGroup.Girls].D.ShouldBe(26);
    }

    [Fact]
    public void Mean_RateAndPersistentAbsence_AreCountedFromNumbers()
    {
        var pupils = new PupilBuilder()
            .Add(1, ("KS2_READ_PROG", "2"), ("SessionsMissed", "30"))   // exactly 10%: persistently absent
            .Add(1, ("KS2_READ_PROG", "-4"), ("SessionsMissed", "29"))
            .Add(1, ("NCYear", "4"), ("SessionsMissed", "0"))
            .Build();
        var computer = Computer();
        var tallies = computer.Compute(pupils, null);

        var read = IndicatorValue.From(computer.Catalogue["READ"], tallies[tallies.SlotOf("READ"), PupilGroup.All])!;
        read.Value.ShouldBe(-1);
        read.Lower.ShouldNotBeNull();
        var absence = IndicatorValue.From(computer.Catalogue["ABS"], tallies[tallies.SlotOf("ABS"), PupilGroup.All])!;
        absence.Value.ShouldBe(100.0 * 59 / 900, 1e-9);
        tallies[tallies.SlotOf("PA"), PupilGroup.All].ShouldBe(new Tally(1, 3, 0, 3));
    }

    [Fact]
    public void SchoolShare_IsOneOfOneWhenTheRuleHolds_AndAbsentWithoutFigures()
    {
        var computer = Computer();
        var below = computer.Compute(new PupilBuilder().Add(10, ("KS2_RWM_EXP", "N")).Add(10, ("KS2_RWM_EXP", "Y")).Build(), null);
        below[below.SlotOf("FLOOR"), PupilGroup.All].ShouldBe(new Tally(1, 1, double.NaN, 1));
        var above = computer.Compute(new PupilBuilder().Add(20, ("KS2_RWM_EXP", "Y")).Build(), null);
        above[above.SlotOf("FLOOR"), PupilGroup.All].N.ShouldBe(0);
        var noResults = computer.Compute(new PupilBuilder().Add(20, ("NCYear", "3")).Build(), null);
        noResults[noResults.SlotOf("FLOOR"), PupilGroup.All].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Perception_CountsAgreementAmongThoseWhoGaveAView()
    {
        var survey = new SurveyColumns(6);
        var answers = survey.Answers(SurveyFields.Find("FeelSafe")!);
        byte[] given = [1, 2, 3, 4, 5, 0];
        for (var i = 0; i < 6; i++) { survey.RespondentTypes[i] = (byte)RespondentType.Pupil; answers[i] = given[i]; }
        var tallies = Computer().Compute(null, survey);
        var safe = tallies[tallies.SlotOf("SAFE"), PupilGroup.All];
        safe.N.ShouldBe(2);
        safe.D.ShouldBe(4);
    }

    [Fact]
    public void AreaTallies_AreTheSumOfTheirSchools()
    {
        var computer = Computer();
        var a = computer.Compute(new PupilBuilder().Add(7, ("KS2_RWM_EXP", "Y")).Add(3, ("KS2_RWM_EXP", "N"), ("FSM", "Y")).Build(), null);
        var b = computer.Compute(new PupilBuilder().Add(2, ("KS2_RWM_EXP", "Y"), ("FSM", "Y")).Add(8, ("KS2_RWM_EXP", "N")).Build(), null);
        var area = computer.NewTallies();
        area.Add(a);
        area.Add(b);
        var slot = area.SlotOf("RWM");
        area[slot, PupilGroup.All].ShouldBe(new Tally(9, 20, 0, 20));
        area[slot, PupilGroup.Fsm].ShouldBe(new Tally(2, 5, 0, 5));
        area[area.SlotOf("FLOOR"), PupilGroup.All].ShouldBe(new Tally(1, 2, double.NaN, 2) with { Q = area[area.SlotOf("FLOOR"), PupilGroup.All].Q });
        area.Intake.Pupils.ShouldBe(20);
        area.Intake.Fsm.ShouldBe(5);
    }

    [Fact]
    public void Wilson_GivesTheKnownInterval()
    {
        var (lower, upper) = IndicatorValue.Wilson(50, 100);
        lower.ShouldBe(0.4038, 0.0001);
        upper.ShouldBe(0.5962, 0.0001);
        var (zeroLower, zeroUpper) = IndicatorValue.Wilson(0, 10);
        zeroLower.ShouldBe(0);
        zeroUpper.ShouldBe(0.2775, 0.0001);
    }

    [Fact]
    public void Lowest20Gap_IsTheGapBetweenTheLowestFifthAndTheMedian()
    {
        var catalogue = IndicatorCatalogue.Parse("""
            { "version": 1, "indicators": [ { "id": "EYGAP", "name": "Gap", "outcome": "EnjoyAndAchieve", "kind": "Lowest20Gap", "value": "EYFS_Points", "polarity": "LowerIsBetter", "unit": "Percent", "source": "t" } ] }
            """, out var errors);
        errors.ShouldBeEmpty();
        var computer = new IndicatorComputer(catalogue);
        // 10 pupils: two at 20 (the lowest 20%), eight at 30 (median 30): gap = (30 - 20) / 30.
        var tallies = computer.Compute(new PupilBuilder().Add(2, ("NCYear", "R"), ("EYFS_Points", "20")).Add(8, ("NCYear", "R"), ("EYFS_Points", "30")).Build(), null);
        var slot = tallies.SlotOf("EYGAP");
        IndicatorValue.From(catalogue["EYGAP"], tallies[slot, PupilGroup.All], tallies.Histograms[slot])!.Value.ShouldBe(100.0 / 3, 1e-9);
    }
}
