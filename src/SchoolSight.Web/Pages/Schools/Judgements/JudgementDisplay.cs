using SchoolSight.Domain.Published;

namespace SchoolSight.Web.Pages.Schools.Judgements;

/// <summary>How the judgement pages show a grade: the GOV.UK tag colour of each point of the four-point scale.</summary>
public static class JudgementDisplay
{
    public static string TagClass(OfstedJudgement grade) => grade switch
    {
        OfstedJudgement.Outstanding => "govuk-tag govuk-tag--green",
        OfstedJudgement.Good => "govuk-tag govuk-tag--turquoise",
        OfstedJudgement.RequiresImprovement => "govuk-tag govuk-tag--yellow",
        OfstedJudgement.Inadequate => "govuk-tag govuk-tag--red",
    };
}
