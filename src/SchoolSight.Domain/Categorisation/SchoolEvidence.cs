using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// Everything the categorisation rules may look at for one school on one day (seed 004 2.4: self-evaluation
/// judgements, performance data and Ofsted outcomes; seed 003 2.3: SIP intelligence; DOMAIN.md 4: LA concerns).
/// Absent evidence is absent (null or not in the dictionary), never a default that reads as good.
/// </summary>
public sealed record SchoolEvidence
{
    public required int Urn { get; init; }
    public required SchoolPhase Phase { get; init; }

    /// <summary>The day the evidence is taken as of: ages of inspections and judgements are measured from it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The latest academic year the LA holds indicator results for; a school's figures older than this are out of date.</summary>
    public int? LatestDataYear { get; init; }

    /// <summary>By indicator id: the school's figures for up to the last three years held, oldest first.</summary>
    public IReadOnlyDictionary<string, IndicatorEvidence> Indicators { get; init; } = new Dictionary<string, IndicatorEvidence>();

    public OfstedEvidence? Ofsted { get; init; }

    /// <summary>The latest judgement of each area by the school itself and by its SIP.</summary>
    public IReadOnlyList<JudgementEvidence> Judgements { get; init; } = [];

    /// <summary>Concerns recorded by the LA and still open on <see cref="AsOf"/>.</summary>
    public IReadOnlyList<ConcernEvidence> OpenConcerns { get; init; } = [];

    /// <summary>The academic year <see cref="AsOf"/> falls in (from 1 September), as the year it starts.</summary>
    public int CurrentAcademicYear => AsOf.Month >= 9 ? AsOf.Year : AsOf.Year - 1;

    /// <summary>The scale of the source's most recent judgement: the rules read only the source's judgements on it.</summary>
    public JudgementScale? CurrentScale(JudgementSource source) =>
        Judgements.Where(j => j.Source == source).OrderByDescending(j => j.JudgedOn).ThenByDescending(j => j.AcademicYear).FirstOrDefault()?.Grade.Scale;

    /// <summary>The source's latest judgement of an area on the scale it judges on now; null when none.</summary>
    public JudgementEvidence? LatestJudgement(JudgementSource source, JudgementArea area)
    {
        var scale = CurrentScale(source);
        return Judgements.Where(j => j.Source == source && j.Area == area && j.Grade.Scale == scale)
            .OrderByDescending(j => j.AcademicYear).ThenByDescending(j => j.JudgedOn).FirstOrDefault();
    }
}

/// <summary>One year's figure with the benchmarks it can be compared with (null where not held).</summary>
public sealed record IndicatorYear(int AcademicYear, IndicatorValue Value, double? England, double? La, double? Locality);

public sealed record IndicatorEvidence(string IndicatorId, IReadOnlyList<IndicatorYear> Years)
{
    public IndicatorYear? Latest => Years.Count == 0 ? null : Years[^1];
}

/// <summary>Where an Ofsted outcome was read from: Ofsted's own published outcomes, or the GIAS register's rating.</summary>
public enum OfstedEvidenceSource { OfstedOutcomes, Gias }

/// <summary>
/// The latest graded Ofsted inspection, in the terms of its framework. From 2 September 2024 Ofsted gives no overall
/// effectiveness grade; the four-point rules then read the worst of the key judgements (<see cref="Standing"/> says
/// so). From 10 November 2025 the inspection is a report card (<see cref="ReportCard"/>, five-point grades): the
/// four-point rules read only its category of concern, and the report card rules read its grades.
/// </summary>
public sealed record OfstedEvidence(
    DateOnly InspectionDate, OfstedJudgement? OverallEffectiveness, CategoryOfConcern? Category,
    IReadOnlyDictionary<JudgementArea, OfstedJudgement> KeyJudgements, bool? SafeguardingEffective, OfstedEvidenceSource Source)
{
    /// <summary>The report card's evaluation areas and their grades (inspections from 10 November 2025).</summary>
    public IReadOnlyDictionary<JudgementArea, ReportCardGrade> ReportCard { get; init; } = new Dictionary<JudgementArea, ReportCardGrade>();

    public OfstedFramework Framework => OfstedFrameworks.For(InspectionDate);

    /// <summary>Overall effectiveness, or when Ofsted gave none, the worst key judgement; null when neither is known.</summary>
    public OfstedJudgement? Overall => OverallEffectiveness ?? (KeyJudgements.Count == 0 ? null : KeyJudgements.Values.Max());

    /// <summary>
    /// The inspection on the scale the rules compare with: the category of concern if any, else the overall grade (on
    /// a report card, which has no overall grade, only its category).
    /// </summary>
    public OfstedStanding? Standing => Category switch
    {
        CategoryOfConcern.SpecialMeasures => OfstedStanding.SpecialMeasures,
        CategoryOfConcern.SeriousWeaknesses or CategoryOfConcern.SignificantImprovement => OfstedStanding.SeriousWeaknesses,
        CategoryOfConcern.NoticeToImprove => OfstedStanding.NoticeToImprove,
        null => Framework != OfstedFramework.ReportCard && Overall is { } grade ? (OfstedStanding)(int)grade : null,
    };
}

/// <summary>
/// Ofsted outcomes from best to worst: the four grades, then the categories of concern (notice to improve before
/// 2012; serious weaknesses, called "requires significant improvement" from the report card; special measures). A
/// rule "ofsted: X" fires for X or anything worse.
/// </summary>
public enum OfstedStanding
{
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
    NoticeToImprove = 5,
    SeriousWeaknesses = 6,
    SpecialMeasures = 7,
}

/// <summary>One judgement the rules may read, its grade on the scale of the day it was made.</summary>
public sealed record JudgementEvidence(JudgementSource Source, JudgementArea Area, int AcademicYear, JudgementGrade Grade, DateOnly JudgedOn);

public sealed record ConcernEvidence(ConcernKind Kind, DateOnly RaisedOn);
