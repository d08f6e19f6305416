namespace SchoolSight.Domain.Published;

/// <summary>Ofsted's four-point scale, as its published data codes it (1 Outstanding … 4 Inadequate).</summary>
public enum OfstedJudgement
{
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
}

/// <summary>
/// The category of concern an inspection placed a school in, kept as Ofsted states it: special measures; serious
/// weaknesses (SWK), which Ofsted's files from the report card framework call "requires significant improvement"
/// (the same category under section 44 of the Education Act 2005); and, before 2012, notice to improve.
/// </summary>
public enum CategoryOfConcern
{
    SpecialMeasures,
    SeriousWeaknesses,
    NoticeToImprove,
    SignificantImprovement,
}

public static class OfstedJudgements
{
    /// <summary>"Requires improvement" for <see cref="OfstedJudgement.RequiresImprovement"/>: the words Ofsted uses.</summary>
    public static string Describe(this OfstedJudgement judgement) => judgement switch
    {
        OfstedJudgement.Outstanding => "Outstanding",
        OfstedJudgement.Good => "Good",
        OfstedJudgement.RequiresImprovement => "Requires improvement",
        OfstedJudgement.Inadequate => "Inadequate",
    };

    public static string Describe(this CategoryOfConcern category) => category switch
    {
        CategoryOfConcern.SpecialMeasures => "Special measures",
        CategoryOfConcern.SeriousWeaknesses => "Serious weaknesses",
        CategoryOfConcern.NoticeToImprove => "Notice to improve",
        CategoryOfConcern.SignificantImprovement => "Requires significant improvement",
    };
}
