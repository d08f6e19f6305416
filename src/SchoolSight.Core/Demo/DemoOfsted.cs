using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's inspections since Ofsted's report card began on 10 November 2025, held as report cards: each
/// evaluation area graded on the five-point scale, safeguarding met or not met, and no overall grade (GIAS gives
/// none for them either). The school's standing is drawn on that scale (made-up data, not a conversion).
/// </summary>
internal static class DemoOfsted
{
    /// <summary>The GIAS rating a school is given: none for an inspection under the report card.</summary>
    public static string? GiasRating(string rating, DateOnly inspected) =>
        OfstedFrameworks.For(inspected) == OfstedFramework.ReportCard ? null : rating;

    /// <summary>Adds a report card for each school whose latest inspection was under it, at the standing it was drawn with.</summary>
    public static void Add(AppDbContext db, IEnumerable<(School School, string Standing)> drawn)
    {
        foreach (var (school, standing) in drawn)
            if (school.Details.OfstedLastInspection is { } date && OfstedFrameworks.For(date) == OfstedFramework.ReportCard
                && CategorisationEvidence.FromGias(standing, date) is { OverallEffectiveness: { } grade } evidence)
                db.OfstedInspections.Add(new OfstedInspection(school.Urn, ReportCard(school, date, grade, evidence.Category), importId: 0));
    }

    private static OfstedOutcome ReportCard(School school, DateOnly date, OfstedJudgement standing, CategoryOfConcern? category)
    {
        var usual = DemoJudgements.OnReportCard(standing);
        // Most areas are at the school's standing; one is a grade better, and a school in a category has leadership
        // and governance at urgent improvement.
        var better = usual == ReportCardGrade.Exceptional ? usual : usual - 1;
        var leadership = category is null ? usual : ReportCardGrade.UrgentImprovement;
        return new OfstedOutcome
        {
            InspectionNumber = $"1040{school.Urn % 10000:0000}",
            InspectionType = "Full inspection",
            InspectionDate = date,
            PublicationDate = date.AddDays(35),
            CategoryOfConcern = category switch
            {
                CategoryOfConcern.SeriousWeaknesses => CategoryOfConcern.SignificantImprovement,
                _ => category,
            },
            SafeguardingEffective = category != CategoryOfConcern.SpecialMeasures,
            Inclusion = usual,
            CurriculumAndTeaching = school.Urn % 3 == 0 ? better : usual,
            Achievement = usual,
            AttendanceAndBehaviour = school.Urn % 3 == 1 ? better : usual,
            PersonalDevelopmentAndWellbeing = school.Urn % 3 == 2 ? better : usual,
            LeadershipAndGovernance = leadership,
            EarlyYearsReportCard = school.Details.StatutoryLowAge is <= 5 ? usual : null,
            SixthFormReportCard = school.Details.StatutoryHighAge is >= 18 ? usual : null,
        };
    }
}
