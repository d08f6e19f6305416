using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Tests.Categorisation;

namespace SchoolSight.Domain.Tests.Indicators;

/// <summary>The years the DfE published each indicator of the shipped catalogue for, and what a year without one does.</summary>
public sealed class PublishedYearsTests
{
    private const int FirstYear = 2014;
    private const int LastYear = 2027;

    /// <summary>Every indicator of the shipped catalogue and the academic years (2014/15 to 2027/28, by the year they start) it was not published for.</summary>
    public static TheoryData<string, int[]> NotPublished => new()
    {
        { "EY_GLD", [2019, 2020] },
        { "EY_LOWEST20_GAP", [2019, 2020] },
        { "KS2_RWM_EXP", [2014, 2019, 2020] },
        { "KS2_READ_PROG", [2014, 2019, 2020, 2023, 2024] },
        { "KS2_MAT_PROG", [2014, 2019, 2020, 2023, 2024] },
        { "KS2_WRIT_PROG", [2014, 2019, 2020, 2023, 2024] },
        { "KS2_RWM_HIGH", [2014, 2019, 2020] },
        { "KS2_LOW", [2014, 2019, 2020] },
        { "KS2_BELOW_FLOOR", [2014, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027] },
        { "KS2_FSM_GAP", [2014, 2019, 2020] },
        { "KS2_SEN_GAP", [2014, 2019, 2020] },
        { "KS2_RWM_CIC", [2014, 2019, 2020] },
        { "KS4_BASICS_95", [2014, 2015, 2019, 2020] },
        { "KS4_ATT8", [2014, 2019, 2020] },
        { "KS4_P8", [2014, 2019, 2020, 2024, 2025] },
        { "KS4_EBACC_ENTRY", [2019, 2020] },
        { "KS4_EM_94", [2014, 2015, 2019, 2020] },
        { "KS4_NOPASS", [2019, 2020] },
        { "KS4_BELOW_FLOOR", [2014, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027] },
        { "KS4_FSM_GAP", [2014, 2015, 2019, 2020] },
        { "KS4_SEN_GAP", [2014, 2015, 2019, 2020] },
        { "KS4_BASICS_CIC", [2014, 2015, 2019, 2020] },
        { "PERSISTENT_ABSENCE", [2019] },
        { "ABSENCE_RATE", [2019] },
        { "SICKNESS_ABSENCE", [2019] },
        { "PE_TWO_HOURS", [] },
        { "SCHOOL_MEALS", [] },
        { "SUSPENSIONS", [] },
        { "PERMANENT_EXCLUSIONS", [] },
        { "DESTINATIONS", [] },
        { "PUPIL_FEEL_SAFE", [] },
        { "PUPIL_BULLYING_DEALT_WITH", [] },
        { "PUPIL_HEALTHY_EATING", [] },
        { "PUPIL_HELPS_HEALTHY", [] },
        { "PUPIL_ENJOY_SCHOOL", [] },
        { "PUPIL_VIEWS_LISTENED_TO", [] },
        { "PUPIL_HELPS_COMMUNITY", [] },
        { "PUPIL_PREPARED_FOR_FUTURE", [] },
        { "PARENT_FEEL_SAFE", [] },
        { "PARENT_BULLYING_DEALT_WITH", [] },
        { "PARENT_HEALTHY_EATING", [] },
        { "PARENT_HELPS_HEALTHY", [] },
        { "PARENT_ENJOY_SCHOOL", [] },
        { "PARENT_VIEWS_LISTENED_TO", [] },
        { "PARENT_HELPS_COMMUNITY", [] },
        { "PARENT_PREPARED_FOR_FUTURE", [] },
    };

    [Theory]
    [MemberData(nameof(NotPublished))]
    public void EveryIndicator_KnowsTheYearsTheDfEPublishedIt(string id, int[] notPublished)
    {
        var indicator = Shipped.Catalogue[id];
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Where(y => !indicator.IsPublishedIn(y)).ShouldBe(notPublished);
        foreach (var year in notPublished)
            indicator.NotPublishedIn(year).ShouldStartWith($"Not published for {AcademicYears.Display(year)}, because ");
    }

    [Fact]
    public void TheTable_CoversEveryIndicatorOfTheCatalogue() =>
        NotPublished.Select(row => (string)row[0]).ShouldBe(Shipped.Catalogue.Indicators.Select(i => i.Id), ignoreOrder: true);

    [Fact]
    public void EveryGap_SaysWhyInPlainWords_CitingWhoDidNotPublish()
    {
        foreach (var gap in Shipped.Catalogue.Indicators.SelectMany(i => i.NotPublished))
        {
            gap.Because.Length.ShouldBeGreaterThan(30);
            gap.Because.ShouldNotStartWith("because", Case.Insensitive);
            gap.Because.ShouldNotEndWith(".");
        }
        Shipped.Catalogue["KS2_READ_PROG"].NotPublishedIn(2024).ShouldBe(
            "Not published for 2024/25, because these pupils have no key stage 1 results to measure progress from (key stage 1 assessments were cancelled in 2020 and 2021), so the DfE produced no progress scores");
    }

    [Fact]
    public void WithholdUnpublished_EmptiesTheFiguresOfAYearTheDfEDidNotPublish_AndTheSharesBuiltOnThem()
    {
        var computer = new IndicatorComputer(Shipped.Catalogue);
        var tallies = computer.NewTallies();
        foreach (var id in new[] { "KS2_RWM_EXP", "KS2_READ_PROG", "KS4_P8", "KS4_ATT8" })
            tallies[tallies.SlotOf(id), PupilGroup.All] = new Tally(10, 20, 5, 20);

        computer.WithholdUnpublished(tallies, 2024);

        tallies[tallies.SlotOf("KS2_RWM_EXP"), PupilGroup.All].IsEmpty.ShouldBeFalse();
        tallies[tallies.SlotOf("KS4_ATT8"), PupilGroup.All].IsEmpty.ShouldBeFalse();
        tallies[tallies.SlotOf("KS2_READ_PROG"), PupilGroup.All].IsEmpty.ShouldBeTrue();
        tallies[tallies.SlotOf("KS4_P8"), PupilGroup.All].IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""[{ "from": "2020/21", "to": "2019/20", "because": "a reason long enough to read" }]""", "ends before it starts")]
    [InlineData("""[{ "from": "2019/20" }]""", "needs 'because'")]
    [InlineData("""[{ "because": "a reason long enough to read" }]""", "needs 'from', 'to' or both")]
    [InlineData("""[{ "from": "last year", "because": "a reason long enough to read" }]""", "is not an academic year")]
    public void Parse_RefusesAGapItCannotRead(string gaps, string problem)
    {
        var json = $$"""
        { "version": 1, "indicators": [
          { "id": "A", "name": "A", "outcome": "StaySafe", "kind": "Mean", "value": "KS4_ATT8", "polarity": "HigherIsBetter", "unit": "Score", "source": "s", "notPublished": {{gaps}} }
        ] }
        """;
        IndicatorCatalogue.Parse(json, out var errors);
        errors.ShouldContain(e => e.Contains("(A)") && e.Contains(problem));
    }
}
