using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// Ofsted's outcomes file in its report card layout: each inspection read on the framework of its start date (the
/// switches on 2 September 2024 and 10 November 2025), and a grade of one scale given for an inspection of the other
/// refused, never converted.
/// </summary>
public sealed class OfstedReportCardReaderTests
{
    private static string ExamplePath => Path.Combine(Path.GetDirectoryName(RepoData.Path())!, "..", "docs", "imports", "examples", "ofsted_report_cards_example.csv");

    private static async Task<OfstedFile> ReadAsync(CsvTestFile file) => await OfstedFileReader.ReadAsync(new MemoryStream(file.ToBytes()), heldUrns: null);

    [Fact]
    public async Task TheDocumentedReportCardExample_IsReadOnEachInspectionsFramework()
    {
        var file = await OfstedFileReader.ReadAsync(File.OpenRead(ExamplePath), heldUrns: null);

        file.Errors.ShouldBeEmpty();
        file.ColumnsNotInFile.ShouldNotContain(OfstedFileReader.Inclusion);
        var outcomes = file.Rows.ToDictionary(r => r.Urn, r => r.Outcome);
        outcomes.Values.Select(o => o.Framework).ShouldBe([OfstedFramework.OverallGrade, OfstedFramework.KeyJudgementsOnly, OfstedFramework.KeyJudgementsOnly,
            OfstedFramework.ReportCard, OfstedFramework.ReportCard, OfstedFramework.ReportCard]);

        // 1 September 2024: the last day of overall grades.
        outcomes[900001].OverallEffectiveness.ShouldBe(OfstedJudgement.Good);
        // 2 September 2024 and 9 November 2025: key judgements, no overall grade.
        (outcomes[900002].OverallEffectiveness, outcomes[900002].QualityOfEducation, outcomes[900002].OverallNotJudged).ShouldBe(((OfstedJudgement?)null, (OfstedJudgement?)OfstedJudgement.RequiresImprovement, true));
        outcomes[900003].ReportCardGrades.ShouldBeEmpty();
        // 10 November 2025: the report card, its grades on the five-point scale, safeguarding met.
        var card = outcomes[900004];
        (card.OverallEffectiveness, card.QualityOfEducation, card.SafeguardingEffective).ShouldBe(((OfstedJudgement?)null, (OfstedJudgement?)null, (bool?)true));
        card.ReportCardGrades.ShouldBe([("Inclusion", ReportCardGrade.ExpectedStandard), ("Curriculum and teaching", ReportCardGrade.StrongStandard),
            ("Achievement", ReportCardGrade.ExpectedStandard), ("Attendance and behaviour", ReportCardGrade.NeedsAttention),
            ("Personal development and well-being", ReportCardGrade.ExpectedStandard), ("Leadership and governance", ReportCardGrade.ExpectedStandard),
            ("Sixth form", ReportCardGrade.StrongStandard)]);
        card.SafeguardingText.ShouldBe("Safeguarding: standards met");
        // Categories of concern as Ofsted states them.
        (outcomes[900005].CategoryOfConcern, outcomes[900005].SafeguardingEffective).ShouldBe(((CategoryOfConcern?)CategoryOfConcern.SpecialMeasures, (bool?)false));
        outcomes[900005].SafeguardingText.ShouldBe("Safeguarding: standards not met");
        outcomes[900006].CategoryOfConcern.ShouldBe(CategoryOfConcern.SignificantImprovement);
        outcomes[900006].CategoryOfConcern!.Value.Describe().ShouldBe("Requires significant improvement");
    }

    [Theory]
    [InlineData(3, OfstedFileReader.QualityOfEducation, "2", "under Ofsted's report card framework, which gives no four-point grades")]
    [InlineData(3, OfstedFileReader.Safeguarding, "Yes", "its safeguarding is in 'Safeguarding standards'")]
    [InlineData(2, OfstedFileReader.Inclusion, "Expected standard", "before Ofsted's report card framework began on 10 November 2025")]
    [InlineData(2, OfstedFileReader.SafeguardingStandards, "Met", "its safeguarding is in 'Safeguarding is effective?'")]
    [InlineData(1, OfstedFileReader.OverallEffectiveness, "2", "Ofsted made no overall effectiveness judgement from 2 September 2024")]
    [InlineData(3, OfstedFileReader.Achievement, "Good", "'Good' is not one of Ofsted's report card grades")]
    [InlineData(3, OfstedFileReader.SafeguardingStandards, "Yes", "'Yes' is not Met, Not met or 9")]
    public async Task AGradeOfTheOtherFramework_OrNotOnItsScale_IsRefusedWithItsLineAndColumn(int row, string column, string value, string problem)
    {
        var file = CsvTestFile.Load(ExamplePath).Set(row, column, value);

        var error = (await ReadAsync(file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), column));
        error.Problem.ShouldContain(problem);
    }

    [Fact]
    public async Task AReportCardFileWithoutOneOfItsColumns_IsRefusedNamingIt()
    {
        var file = CsvTestFile.Load(ExamplePath).DropColumn(OfstedFileReader.LeadershipAndGovernance);

        var error = (await ReadAsync(file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((1, OfstedFileReader.LeadershipAndGovernance));
        error.Problem.ShouldContain("report card layout");
    }

    [Fact]
    public async Task AReportCardOnlyFile_IsRead_WithoutTheFourPointColumns()
    {
        var file = CsvTestFile.Load(ExamplePath);
        foreach (var column in OfstedFileReader.FourPointColumns) file = file.DropColumn(column);
        file.Rows.RemoveRange(0, 3);

        var result = await ReadAsync(file);

        result.Errors.ShouldBeEmpty();
        result.Rows.Select(r => r.Outcome.Framework).ShouldAllBe(f => f == OfstedFramework.ReportCard);
        result.ColumnsNotInFile.ShouldContain(OfstedFileReader.OverallEffectiveness);
    }
}
