using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Web.Pages.Schools.Judgements;

/// <summary>How the pages show a grade: a GOV.UK tag colour for each point of each scale, never one scale for the other.</summary>
public static class JudgementDisplay
{
    public static string TagClass(JudgementGrade grade) =>
        grade.ReportCard is { } r ? TagClass(r) : TagClass(grade.FourPoint!.Value);

    public static string TagClass(OfstedJudgement grade) => grade switch
    {
        OfstedJudgement.Outstanding => "govuk-tag govuk-tag--green",
        OfstedJudgement.Good => "govuk-tag govuk-tag--turquoise",
        OfstedJudgement.RequiresImprovement => "govuk-tag govuk-tag--yellow",
        OfstedJudgement.Inadequate => "govuk-tag govuk-tag--red",
    };

    public static string TagClass(ReportCardGrade grade) => grade switch
    {
        ReportCardGrade.Exceptional => "govuk-tag govuk-tag--purple",
        ReportCardGrade.StrongStandard => "govuk-tag govuk-tag--blue",
        ReportCardGrade.ExpectedStandard => "govuk-tag govuk-tag--green",
        ReportCardGrade.NeedsAttention => "govuk-tag govuk-tag--yellow",
        ReportCardGrade.UrgentImprovement => "govuk-tag govuk-tag--red",
    };
}
