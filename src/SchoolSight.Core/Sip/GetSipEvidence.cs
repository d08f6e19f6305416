using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>One visit as evidence: its school and year, the SIP's judgements of targets and tracking, and the report's seven features.</summary>
public sealed record VisitEvidence(
    int VisitId, int Urn, int AcademicYear, DateOnly VisitedOn, string SipUserId, string SipName, VisitStatus Status, DateOnly? IssuedOn,
    bool? TargetsInLineWithGuidance, bool? TrackingAccurate, IReadOnlyList<FeatureJudged> Features)
{
    public bool IsIssued => Status.IsIssued();

    /// <summary>How many features the report lacks, once all seven are settled (null: a draft, or still waiting for its reviewer).</summary>
    public int? Missing => !IsIssued || Features.Any(f => f.Has is null) ? null : Features.Count(f => f.Has == false);
}

/// <summary>Whether a report has one of the seven features (null: not settled yet), and who settles it.</summary>
public sealed record FeatureJudged(ReportFeature Feature, FeatureSettledBy SettledBy, bool? Has);

/// <summary>A SIP: their headship experience and phase (from their profile; none recorded reads as no experience) and the schools assigned to them.</summary>
public sealed record SipHeadship(string UserId, string Name, bool HasHeadshipExperience, SchoolPhase? HeadshipPhase, bool ProfileRecorded, IReadOnlyList<int> AssignedUrns);

/// <summary>What the SIPs' visits tell the LA about one academic year.</summary>
public sealed record SipEvidence(int AcademicYear, IReadOnlyList<VisitEvidence> Visits, IReadOnlyList<SipHeadship> Sips);

/// <summary>
/// The visits of an academic year (drafts included, marked by their status) with their targets and tracking
/// judgements and their reports' seven features, and every SIP with their headship experience and assigned schools.
/// The evidence the LA's self-evaluation reads; the reader's own scope applies (a whole-LA reader sees every school).
/// </summary>
[Operation]
public sealed class GetSipEvidence(AppDbContext db)
{
    public async Task<SipEvidence> RunAsync(int academicYear, CancellationToken ct = default)
    {
        var rows = await db.SipVisits.AsNoTracking().Where(v => v.AcademicYear == academicYear)
            .OrderBy(v => v.Urn).ThenBy(v => v.VisitedOn)
            .Select(v => new
            {
                v.Id,
                v.Urn,
                v.AcademicYear,
                v.VisitedOn,
                v.SipUserId,
                v.SipName,
                v.Status,
                v.IssuedOn,
                v.TargetsInLineWithGuidance,
                v.TrackingAccurate,
                v.Timely,
                v.AccurateAndEvidenced,
                v.IssuesForActionWithTimescale,
                v.EvidenceOfChallenge,
                v.AgendaForAction,
                v.ClearFormat,
                v.FeedsRiskRegister,
            })
            .ToListAsync(ct);
        var visits = rows.Select(v => new VisitEvidence(v.Id, v.Urn, v.AcademicYear, v.VisitedOn, v.SipUserId, v.SipName, v.Status, v.IssuedOn,
            v.TargetsInLineWithGuidance, v.TrackingAccurate,
            [
                Judged(ReportFeature.Timely, v.Timely), Judged(ReportFeature.AccurateAndEvidenced, v.AccurateAndEvidenced),
                Judged(ReportFeature.IssuesForActionWithTimescale, v.IssuesForActionWithTimescale), Judged(ReportFeature.EvidenceOfChallenge, v.EvidenceOfChallenge),
                Judged(ReportFeature.AgendaForAction, v.AgendaForAction), Judged(ReportFeature.ClearFormat, v.ClearFormat),
                Judged(ReportFeature.FeedsRiskRegister, v.FeedsRiskRegister),
            ])).ToList();
        return new SipEvidence(academicYear, visits, await SipsAsync(db, ct));
    }

    /// <summary>Every SIP user with their profile and assigned schools, by name.</summary>
    public static async Task<IReadOnlyList<SipHeadship>> SipsAsync(AppDbContext db, CancellationToken ct)
    {
        var sips = await db.Users.AsNoTracking().Where(u => u.Role == Role.SchoolImprovementPartner)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, Urns = u.Assignments.Select(a => a.Urn).ToList() })
            .ToListAsync(ct);
        var ids = sips.Select(s => s.Id).ToList();
        var profiles = await db.SipProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        return [.. sips.Select(s => profiles.GetValueOrDefault(s.Id) is { } p
            ? new SipHeadship(s.Id, s.DisplayName, p.HasHeadshipExperience, p.HeadshipPhase, true, [.. s.Urns.Order()])
            : new SipHeadship(s.Id, s.DisplayName, false, null, false, [.. s.Urns.Order()]))];
    }

    private static FeatureJudged Judged(ReportFeature feature, bool? has) => new(feature, feature.SettledBy(), has);
}
