using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>One recorded grade with who recorded it and when, and its version for a later change.</summary>
public sealed record GradeEntry(JudgementGrade Grade, DateOnly JudgedOn, string RecordedBy, string RecordedByName, DateTime? RecordedAt, string? Note, int Version);

/// <summary>An area of a year: the school's grade and the SIP's side by side, and whether the SIP agrees.</summary>
public sealed record JudgementRow(JudgementArea Area, GradeEntry? SelfEvaluation, GradeEntry? Sip)
{
    public JudgementAgreement Agreement => JudgementAgreements.Compare(SelfEvaluation?.Grade, Sip?.Grade);
    public GradeEntry? From(JudgementSource source) => source == JudgementSource.SelfEvaluation ? SelfEvaluation : Sip;
}

/// <summary>
/// A year's judgements: one row per area judged by either source, four-point areas first (overall effectiveness
/// always, when any four-point judgement was made), then the report card's areas.
/// </summary>
public sealed record JudgementYear(int AcademicYear, IReadOnlyList<JudgementRow> Rows)
{
    public string Title => Domain.AcademicYear.Format(AcademicYear);
    public JudgementRow? Overall => Rows.FirstOrDefault(r => r.Area == JudgementArea.OverallEffectiveness);

    /// <summary>The rows judged on <paramref name="scale"/> by either source.</summary>
    public IReadOnlyList<JudgementRow> On(JudgementScale scale) =>
        [.. Rows.Where(r => r.SelfEvaluation?.Grade.Scale == scale || r.Sip?.Grade.Scale == scale || (scale == JudgementScale.FourPoint && r.Area == JudgementArea.OverallEffectiveness))];
    public bool Has(JudgementSource source) => Rows.Any(r => r.From(source) is not null);

    /// <summary>The latest entry of a source this year: when it judged, who recorded it and the note.</summary>
    public GradeEntry? Latest(JudgementSource source) =>
        Rows.Select(r => r.From(source)).OfType<GradeEntry>().OrderByDescending(e => e.RecordedAt).FirstOrDefault();

    /// <summary>Where the SIP's judgements differ from the school's: seed 004 7.2 says they must agree.</summary>
    public IReadOnlyList<JudgementArea> Differences => [.. Rows.Where(r => r.Agreement == JudgementAgreement.Differs).Select(r => r.Area)];
}

/// <summary>A school's judgements by year, newest first, with what the reader may record.</summary>
public sealed record JudgementsView(int Urn, string SchoolName, int CurrentYear, IReadOnlyList<JudgementYear> Years, IReadOnlyList<JudgementSource> MayRecord)
{
    /// <summary>The LA's today: the scale a judgement made today is on.</summary>
    public DateOnly Today { get; init; }

    public JudgementYear? Year(int academicYear) => Years.FirstOrDefault(y => y.AcademicYear == academicYear);
}

/// <summary>
/// A school's self-evaluation and SIP judgements, year by year, side by side (seed 003 standard 2.3, seed 004 7.2).
/// Read by the LA's school improvement officers, the school's SIP, its staff and governors; not found for a school
/// outside the reader's schools.
/// </summary>
[Operation]
public sealed class GetJudgements(AppDbContext db)
{
    public async Task<OperationResult<JudgementsView>> RunAsync(int urn, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.JudgementReaders, "see the school's judgements", ct);
        if (allowed is null) return OperationResult<JudgementsView>.Fail(refusal!);
        var judgements = await db.SchoolJudgements.AsNoTracking().Where(j => j.Urn == urn).ToListAsync(ct);
        var names = await db.DisplayNamesAsync(judgements.Select(j => j.RecordedBy), ct);

        GradeEntry? Entry(IEnumerable<SchoolJudgement> year, JudgementArea area, JudgementSource source) =>
            year.FirstOrDefault(j => j.Area == area && j.Source == source) is { } j
                ? new GradeEntry(j.Graded, j.JudgedOn, j.RecordedBy, names(j.RecordedBy), j.UpdatedAt, j.Note, j.Version)
                : null;

        var years = judgements.GroupBy(j => j.AcademicYear).OrderByDescending(g => g.Key)
            .Select(year => new JudgementYear(year.Key, [.. JudgementVocabulary.Areas
                .Where(a => (a == JudgementArea.OverallEffectiveness && year.Any(j => j.Grade is not null)) || year.Any(j => j.Area == a))
                .Select(a => new JudgementRow(a, Entry(year, a, JudgementSource.SelfEvaluation), Entry(year, a, JudgementSource.SchoolImprovementPartner)))]))
            .ToList();
        return OperationResult<JudgementsView>.Ok(new JudgementsView(urn, allowed.SchoolName, Domain.AcademicYear.Of(db.Today()), years,
            [.. JudgementSources.All.Where(s => allowed.Role.MayRecord(s))])
        { Today = db.Today() });
    }
}
