using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Home;

/// <summary>One headline indicator of the summary: the school's latest figure, England's, whether the gap is significant, and the trend.</summary>
public sealed record SummaryIndicator(IndicatorDefinition Indicator, FigureView School, BenchmarkView? England, TrendDirection Trend);

/// <summary>
/// A school on one screen: its level of support and why (null where the reader's role does not see levels), its
/// programme stage and next deadline, its latest Ofsted outcome, its SIP's and its own latest judgements (null where
/// the role does not see judgements), its SIP, and six headline indicators against England for the latest year.
/// </summary>
public sealed record SchoolAtAGlance(
    int Urn, string Name, SchoolPhase Phase, DateOnly Today,
    bool SeesLevel, LevelOfSupport? Level, string? LevelWhy, DateOnly? LevelAgreedOn,
    CaseStanding? Case, Deadline? NextDeadline,
    OfstedAsAt? Ofsted,
    bool SeesJudgements, OverallJudgement? Sip, OverallJudgement? SelfEvaluation,
    string? SipName,
    int? IndicatorYear, IReadOnlyList<SummaryIndicator> Indicators)
{
    /// <summary>The SIP's user id, for the link to their profile.</summary>
    public string? SipUserId { get; init; }
}

/// <summary>
/// The one-screen summary at the top of a school's page and on the first page of its PDF profile, built from the
/// operations the detail pages use: the level as <see cref="GetSchoolLevel"/> gives it to the reader (the school and
/// its governors never see a reason drawn from the LA's concerns), the programme's deadlines from the term calendar,
/// the Ofsted outcome and judgements as the risk register reads them, and the figures of <see cref="GetSchoolIndicators"/>.
/// Null when the school is not visible to the reader.
/// </summary>
[Operation]
public sealed class GetSchoolSummary(AppDbContext db, GetSchoolLevel levels, GetSchoolIndicators indicators, PeopleNames people)
{
    public const int HeadlineCount = 6;

    /// <summary>The six headline indicators of a school of each phase, in the order the summary shows them.</summary>
    public static IReadOnlyList<string> HeadlineIndicators(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Primary or SchoolPhase.Middle => ["KS2_RWM_EXP", "KS2_RWM_HIGH", "EY_GLD", "KS2_FSM_GAP", "ABSENCE_RATE", "PERSISTENT_ABSENCE"],
        SchoolPhase.Secondary => ["KS4_P8", "KS4_ATT8", "KS4_BASICS_95", "KS4_EBACC_ENTRY", "ABSENCE_RATE", "PERSISTENT_ABSENCE"],
        SchoolPhase.AllThrough => ["KS2_RWM_EXP", "KS4_P8", "KS4_ATT8", "KS4_BASICS_95", "ABSENCE_RATE", "PERSISTENT_ABSENCE"],
        _ => ["ABSENCE_RATE", "PERSISTENT_ABSENCE", "SUSPENSIONS", "PUPIL_FEEL_SAFE", "PUPIL_ENJOY_SCHOOL", "PARENT_FEEL_SAFE"],
    };

    public async Task<SchoolAtAGlance?> RunAsync(int urn, CancellationToken ct = default)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Urn, s.Details.Name, s.Phase }).FirstOrDefaultAsync(ct);
        if (school is null) return null;
        var today = db.Today();

        var level = (await levels.RunAsync(urn, ct)).Value;
        var current = level?.Current;
        string? why = null;
        if (current is not null)
        {
            var reasons = current.DecidingReasons;
            why = reasons.Count == 0 ? "None of the LA's criteria for more support applied."
                : reasons.Count == 1 ? reasons[0] : $"{reasons[0]} (and {reasons.Count - 1} more)";
        }

        // The programme's own query filter decides whether the reader sees the case.
        var openCase = await db.WholeCases().AsNoTracking().Where(c => c.Urn == urn && c.State != CaseState.Closed)
            .OrderByDescending(c => c.ProposedOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        Deadline? next = null;
        if (openCase is not null)
            next = ProgrammeDeadlines.For(openCase, await db.LoadCalendarAsync(ct)).Where(d => d.IsOpen).OrderBy(d => d.DueOn).FirstOrDefault();

        var standings = await SchoolStandings.LoadOfstedAsync(db, [urn], ct);

        var seesJudgements = db.CurrentUser.Role.Allows(Resource.Judgement, ResourceAction.Read);
        var judged = seesJudgements
            ? (await db.SchoolJudgements.AsNoTracking().Where(j => j.Urn == urn)
                .Select(j => new { j.Source, j.Area, j.Grade, j.ReportCardGrade, j.AcademicYear, j.JudgedOn }).ToListAsync(ct))
                .GroupBy(j => j.Source)
                .ToDictionary(g => g.Key, g => GetRiskRegister.Brief([.. g.Select(j => (j.Area, JudgementGrade.From(j.Grade, j.ReportCardGrade), j.AcademicYear, j.JudgedOn))]))
            : [];

        var sip = await db.SipAssignments.AsNoTracking().Where(a => a.Urn == urn)
            .Join(db.Users.Where(u => u.Role == Role.SchoolImprovementPartner), a => a.UserId, u => u.Id, (a, u) => new { u.Email, u.Id })
            .OrderBy(e => e.Email).FirstOrDefaultAsync(ct);

        var figures = await indicators.RunAsync(urn, ct: ct);
        var rows = figures?.Rows.ToDictionary(r => r.Indicator.Id) ?? [];
        // The phase's headline indicators the school has, then (up to six) the first others with a figure for the year.
        var chosen = HeadlineIndicators(school.Phase).Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        chosen.AddRange(figures?.Rows.Where(r => !chosen.Contains(r) && r.School.Value is not null).Take(HeadlineCount - chosen.Count) ?? []);
        var headline = chosen.Take(HeadlineCount)
            .Select(r => new SummaryIndicator(r.Indicator, r.School, r.Benchmarks.FirstOrDefault(), r.TrendDirection)).ToList();

        return new SchoolAtAGlance(school.Urn, school.Name, school.Phase, today,
            level is not null, current?.Level, why, current is null ? null : db.Clock.DateOf(current.DecidedAt),
            openCase is null ? null : new CaseStanding(openCase.Id, openCase.Tier, openCase.State), next,
            standings.OfstedOn(urn, DateOnly.MaxValue),
            seesJudgements, judged.GetValueOrDefault(JudgementSource.SchoolImprovementPartner), judged.GetValueOrDefault(JudgementSource.SelfEvaluation),
            sip is null ? null : await people.NameAsync(sip.Email, ct),
            figures?.AcademicYear, headline)
        { SipUserId = sip?.Id };
    }
}
