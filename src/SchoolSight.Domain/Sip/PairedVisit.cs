using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Sip;

/// <summary>A paired visit's grade: 1 outstanding, 2 good, 3 satisfactory, 4 significant improvement needed.</summary>
public enum PairedVisitGrade
{
    Outstanding = 1,
    Good = 2,
    Satisfactory = 3,
    SignificantImprovementNeeded = 4,
}

/// <summary>What a paired visit grades.</summary>
public enum PairedVisitAspect
{
    Challenge,
    TargetSetting,
    BrokeringSupport,
    Report,
    OverallEffectiveness,
}

/// <summary>One aspect's grade with its evidence.</summary>
public sealed record AspectGrade(PairedVisitGrade? Grade, string? Evidence);

/// <summary>What the senior adviser writes about a paired visit.</summary>
public sealed record PairedVisitContent(
    DateOnly VisitedOn,
    string? LengthOfVisit,
    string? Programme,
    IReadOnlyDictionary<PairedVisitAspect, AspectGrade> Grades,
    string? HeadFeedback,
    string? Strengths,
    string? AreasForDevelopment);

/// <summary>
/// A paired visit: a senior adviser joins a SIP's visit to a school and grades, 1 to 4, the quality of challenge,
/// target setting, brokering of support, the report and overall effectiveness, each with evidence, with the
/// headteacher's feedback, the SIP's strengths and areas for development. The written summary goes to the headteacher
/// and the LA when the adviser sends it; the school reads it from then.
/// </summary>
public sealed class PairedVisit : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.PairedVisit;

    private PairedVisit() { SipUserId = ""; SipName = ""; AdviserName = ""; }

    public static PairedVisit Plan(int urn, string sipUserId, string sipName, int? visitId, Actor adviser)
    {
        if (!SipRoles.Reviewers.Contains(adviser.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(SipRoles.Reviewers, "record a paired visit"));
        return new PairedVisit { Urn = urn, SipUserId = sipUserId, SipName = sipName, VisitId = visitId, AdviserName = adviser.Name, AdviserUserId = adviser.UserId };
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The SIP's record of the visit the adviser joined, when it is in SchoolSight.</summary>
    public int? VisitId { get; private set; }
    public string SipUserId { get; private set; }
    public string SipName { get; private set; }
    public string AdviserName { get; private set; }
    public string? AdviserUserId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public int AcademicYear { get; private set; }
    public string? LengthOfVisit { get; private set; }
    public string? Programme { get; private set; }

    public PairedVisitGrade? ChallengeGrade { get; private set; }
    public string? ChallengeEvidence { get; private set; }
    public PairedVisitGrade? TargetSettingGrade { get; private set; }
    public string? TargetSettingEvidence { get; private set; }
    public PairedVisitGrade? BrokeringSupportGrade { get; private set; }
    public string? BrokeringSupportEvidence { get; private set; }
    public PairedVisitGrade? ReportGrade { get; private set; }
    public string? ReportEvidence { get; private set; }
    public PairedVisitGrade? OverallEffectivenessGrade { get; private set; }
    public string? OverallEffectivenessEvidence { get; private set; }

    public string? HeadFeedback { get; private set; }
    public string? Strengths { get; private set; }
    public string? AreasForDevelopment { get; private set; }

    /// <summary>When the written summary went to the headteacher and the LA; null while the adviser is still writing it.</summary>
    public DateOnly? SummarySentOn { get; private set; }

    public AspectGrade GradeOf(PairedVisitAspect aspect) => aspect switch
    {
        PairedVisitAspect.Challenge => new(ChallengeGrade, ChallengeEvidence),
        PairedVisitAspect.TargetSetting => new(TargetSettingGrade, TargetSettingEvidence),
        PairedVisitAspect.BrokeringSupport => new(BrokeringSupportGrade, BrokeringSupportEvidence),
        PairedVisitAspect.Report => new(ReportGrade, ReportEvidence),
        PairedVisitAspect.OverallEffectiveness => new(OverallEffectivenessGrade, OverallEffectivenessEvidence),
    };

    public void Write(PairedVisitContent content, DateOnly today)
    {
        if (SummarySentOn is not null) throw new DomainException(SipErrors.SummarySent);
        if (content.VisitedOn > today) throw new DomainException(SipErrors.InFuture("VisitedOn", "The day of the paired visit"));
        VisitedOn = content.VisitedOn;
        AcademicYear = Domain.AcademicYear.Of(content.VisitedOn);
        LengthOfVisit = TextFields.Optional(content.LengthOfVisit, "LengthOfVisit", "The length of the visit", 100);
        Programme = TextFields.Optional(content.Programme, "Programme", "The programme for the visit", 2000);
        foreach (var aspect in PairedVisitAspects.All)
        {
            var graded = content.Grades.GetValueOrDefault(aspect) ?? new AspectGrade(null, null);
            if (graded.Grade is { } g && !Enum.IsDefined(g)) throw new DomainException(SipErrors.BadGrade($"{aspect}Grade"));
            var evidence = TextFields.Optional(graded.Evidence, $"{aspect}Evidence", "The evidence", 4000);
            Set(aspect, graded.Grade, evidence);
        }
        HeadFeedback = TextFields.Optional(content.HeadFeedback, "HeadFeedback", "The headteacher's feedback");
        Strengths = TextFields.Optional(content.Strengths, "Strengths", "The strengths");
        AreasForDevelopment = TextFields.Optional(content.AreasForDevelopment, "AreasForDevelopment", "The areas for development");
    }

    /// <summary>Sends the written summary to the headteacher and the LA: every aspect must be graded with its evidence.</summary>
    public void SendSummary(DateOnly today)
    {
        if (SummarySentOn is not null) throw new DomainException(SipErrors.SummarySent);
        foreach (var aspect in PairedVisitAspects.All)
        {
            var graded = GradeOf(aspect);
            if (graded.Grade is null) throw new DomainException(SipErrors.BadGrade($"{aspect}Grade"));
            if (graded.Evidence is null) throw new DomainException(SipErrors.Required($"{aspect}Evidence", $"Give the evidence for the grade for {aspect.Describe().ToLowerInvariant()}"));
        }
        SummarySentOn = today;
    }

    private void Set(PairedVisitAspect aspect, PairedVisitGrade? grade, string? evidence)
    {
        switch (aspect)
        {
            case PairedVisitAspect.Challenge: (ChallengeGrade, ChallengeEvidence) = (grade, evidence); break;
            case PairedVisitAspect.TargetSetting: (TargetSettingGrade, TargetSettingEvidence) = (grade, evidence); break;
            case PairedVisitAspect.BrokeringSupport: (BrokeringSupportGrade, BrokeringSupportEvidence) = (grade, evidence); break;
            case PairedVisitAspect.Report: (ReportGrade, ReportEvidence) = (grade, evidence); break;
            case PairedVisitAspect.OverallEffectiveness: (OverallEffectivenessGrade, OverallEffectivenessEvidence) = (grade, evidence); break;
        }
    }
}

public static class PairedVisitAspects
{
    public static readonly IReadOnlyList<PairedVisitAspect> All = Enum.GetValues<PairedVisitAspect>();

    public static string Describe(this PairedVisitAspect aspect) => aspect switch
    {
        PairedVisitAspect.Challenge => "The quality and effectiveness of challenge",
        PairedVisitAspect.TargetSetting => "The quality of target setting",
        PairedVisitAspect.BrokeringSupport => "Effectiveness in brokering support",
        PairedVisitAspect.Report => "The quality of the report",
        PairedVisitAspect.OverallEffectiveness => "Overall effectiveness",
    };

    public static string Describe(this PairedVisitGrade grade) => grade switch
    {
        PairedVisitGrade.Outstanding => "1 – outstanding",
        PairedVisitGrade.Good => "2 – good",
        PairedVisitGrade.Satisfactory => "3 – satisfactory",
        PairedVisitGrade.SignificantImprovementNeeded => "4 – significant improvement needed",
    };
}
