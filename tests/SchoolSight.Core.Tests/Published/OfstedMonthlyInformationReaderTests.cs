using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// Ofsted's monthly management information since the report card, with its header as Ofsted publishes it: a school's
/// report card (when it has one) beside its latest graded inspection before it, each read on its own framework.
/// </summary>
public sealed class OfstedMonthlyInformationReaderTests
{
    private static string ExamplePath => Path.Combine(Path.GetDirectoryName(RepoData.Path())!, "..", "docs", "imports", "examples",
        "ofsted_monthly_management_information_example.csv");

    private static async Task<OfstedFile> ReadAsync(CsvTestFile file) => await OfstedFileReader.ReadAsync(new MemoryStream(file.ToBytes()), heldUrns: null);

    [Fact]
    public async Task TheMonthlyInformation_ReadsTheReportCard_AndTheGradedInspectionBeforeItAsThePrevious()
    {
        var file = await OfstedFileReader.ReadAsync(File.OpenRead(ExamplePath), heldUrns: null);

        file.Errors.ShouldBeEmpty();
        file.ColumnsNotInFile.ShouldBeEmpty();
        var outcomes = file.Rows.ToDictionary(r => r.Urn, r => r.Outcome);
        var card = outcomes[910001];
        (card.Framework, card.InspectionNumber, card.InspectionDate, card.SafeguardingEffective).ShouldBe(
            ((OfstedFramework?)OfstedFramework.ReportCard, "10400001", (DateOnly?)new DateOnly(2025, 11, 12), (bool?)true));
        card.ReportCardGrades.ShouldBe([("Inclusion", ReportCardGrade.ExpectedStandard), ("Curriculum and teaching", ReportCardGrade.StrongStandard),
            ("Achievement", ReportCardGrade.ExpectedStandard), ("Attendance and behaviour", ReportCardGrade.NeedsAttention),
            ("Personal development and well-being", ReportCardGrade.ExpectedStandard), ("Leadership and governance", ReportCardGrade.ExpectedStandard),
            ("Early years", ReportCardGrade.StrongStandard)]);
        (card.OverallEffectiveness, card.QualityOfEducation).ShouldBe(((OfstedJudgement?)null, (OfstedJudgement?)null));
        (card.PreviousInspectionDate, card.PreviousOverallEffectiveness).ShouldBe(((DateOnly?)new DateOnly(2019, 3, 14), (OfstedJudgement?)OfstedJudgement.Good));
        (card.UngradedInspectionDate, card.UngradedOutcome).ShouldBe(((DateOnly?)new DateOnly(2023, 10, 10), "School remains Good"));
        var post16 = outcomes[910005];
        (post16.SixthFormReportCard, post16.PersonalDevelopmentAndWellbeing).ShouldBe(((ReportCardGrade?)ReportCardGrade.StrongStandard, (ReportCardGrade?)ReportCardGrade.Exceptional));
    }

    [Fact]
    public async Task ASchoolWithNoReportCardYet_HasItsLatestGradedInspection_OnItsOwnFramework()
    {
        var outcomes = (await OfstedFileReader.ReadAsync(File.OpenRead(ExamplePath), heldUrns: null)).Rows.ToDictionary(r => r.Urn, r => r.Outcome);

        var keyJudgements = outcomes[910002];
        (keyJudgements.Framework, keyJudgements.InspectionNumber, keyJudgements.OverallNotJudged, keyJudgements.QualityOfEducation, keyJudgements.SafeguardingEffective).ShouldBe(
            ((OfstedFramework?)OfstedFramework.KeyJudgementsOnly, "10350002", true, (OfstedJudgement?)OfstedJudgement.RequiresImprovement, (bool?)true));
        keyJudgements.PreviousInspectionDate.ShouldBeNull();
        var overall = outcomes[910003];
        (overall.Framework, overall.OverallEffectiveness, overall.EarlyYears).ShouldBe(
            ((OfstedFramework?)OfstedFramework.OverallGrade, (OfstedJudgement?)OfstedJudgement.Outstanding, (OfstedJudgement?)OfstedJudgement.Outstanding));
    }

    [Fact]
    public async Task AReportCardInSpecialMeasures_KeepsOfstedsCategory_AndSafeguardingNotMet()
    {
        var outcome = (await OfstedFileReader.ReadAsync(File.OpenRead(ExamplePath), heldUrns: null)).Rows.Single(r => r.Urn == 910004).Outcome;

        (outcome.CategoryOfConcern, outcome.SafeguardingEffective, outcome.LeadershipAndGovernance, outcome.PreviousOverallEffectiveness).ShouldBe(
            ((CategoryOfConcern?)CategoryOfConcern.SpecialMeasures, (bool?)false, (ReportCardGrade?)ReportCardGrade.UrgentImprovement, (OfstedJudgement?)OfstedJudgement.RequiresImprovement));
    }

    [Theory]
    [InlineData(1, OfstedFileReader.LatestGradedOverall, "2", "Ofsted made no overall effectiveness judgement from 2 September 2024")]
    [InlineData(1, OfstedFileReader.Inclusion, "Expected standard", "before Ofsted's report card framework began on 10 November 2025")]
    [InlineData(0, OfstedFileReader.Achievement, "2", "'2' is not one of Ofsted's report card grades")]
    [InlineData(0, OfstedFileReader.LatestGradedCategory, "XX", "is not a category of concern")]
    public async Task AGradeOffItsScale_OrOfTheOtherFramework_IsRefusedWithItsLineAndColumn(int row, string column, string value, string problem)
    {
        var file = CsvTestFile.Load(ExamplePath).Set(row, column, value);

        var error = (await ReadAsync(file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), column));
        error.Problem.ShouldContain(problem);
    }

    [Fact]
    public async Task TheMonthlyInformationWithoutALatestGradedColumn_IsRefusedNamingIt()
    {
        var file = CsvTestFile.Load(ExamplePath).DropColumn(OfstedFileReader.LatestGradedQuality);

        var error = (await ReadAsync(file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((1, OfstedFileReader.LatestGradedQuality));
        error.Problem.ShouldContain("monthly management information");
    }

    [Fact]
    public async Task TheEarlierSpellingsOfTheReportCardsAreas_AreStillRead()
    {
        var file = CsvTestFile.Load(ExamplePath);
        file.Header[file.ColumnIndex(OfstedFileReader.PersonalDevelopmentAndWellbeing)] = "Personal development and well-being";
        file.Header[file.ColumnIndex(OfstedFileReader.ReportCardSixthForm)] = "Sixth form (where applicable)";
        file.Set(4, "Sixth form (where applicable)", "Wrong");

        var result = await ReadAsync(file);

        result.Errors.ShouldHaveSingleItem().Column.ShouldBe("Sixth form (where applicable)");
        file.Set(4, "Sixth form (where applicable)", "Strong standard");
        (await ReadAsync(file)).Rows.Single(r => r.Urn == 910005).Outcome.PersonalDevelopmentAndWellbeing.ShouldBe(ReportCardGrade.Exceptional);
    }
}
