namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// Whether the SIP agrees with the school's self-evaluation judgement of an area (seed 004 7.2: "the SIP must agree
/// with the ... school's self evaluation judgements").
/// </summary>
public enum JudgementAgreement
{
    /// <summary>One of the two (or both) has not judged the area for the year.</summary>
    NotBothJudged,
    Agrees,
    Differs,

    /// <summary>One judged on the four-point scale, the other on the report card scale: the two are not compared.</summary>
    DifferentScales,
}

public static class JudgementAgreements
{
    public static JudgementAgreement Compare(JudgementGrade? selfEvaluation, JudgementGrade? sip) =>
        selfEvaluation is { } school && sip is { } partner
            ? school.Scale != partner.Scale ? JudgementAgreement.DifferentScales
            : school == partner ? JudgementAgreement.Agrees : JudgementAgreement.Differs
            : JudgementAgreement.NotBothJudged;

    public static string Describe(this JudgementAgreement agreement) => agreement switch
    {
        JudgementAgreement.Agrees => "SIP agrees",
        JudgementAgreement.Differs => "SIP's judgement differs",
        JudgementAgreement.NotBothJudged => "Not both judged",
        JudgementAgreement.DifferentScales => "Judged on different scales",
    };

    public static string Slug(this JudgementAgreement agreement) => agreement switch
    {
        JudgementAgreement.Agrees => "agrees",
        JudgementAgreement.Differs => "differs",
        JudgementAgreement.NotBothJudged => "not-both-judged",
        JudgementAgreement.DifferentScales => "different-scales",
    };
}

/// <summary>The names of the sources as the API and the pages' addresses write them.</summary>
public static class JudgementSources
{
    public static readonly IReadOnlyList<JudgementSource> All = Enum.GetValues<JudgementSource>();

    /// <summary>"self-evaluation" or "sip".</summary>
    public static string Slug(this JudgementSource source) => source switch
    {
        JudgementSource.SelfEvaluation => "self-evaluation",
        JudgementSource.SchoolImprovementPartner => "sip",
    };

    public static bool TryParseSource(string? text, out JudgementSource source)
    {
        source = default;
        var value = (text ?? "").Trim();
        foreach (var candidate in All)
            if (string.Equals(candidate.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                source = candidate;
                return true;
            }
        return false;
    }
}
