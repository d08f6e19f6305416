using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>One assigned school: its level of support, the visits a year it is due at that level and the visits made this year.</summary>
public sealed record CaseloadSchool(int Urn, string Name, SchoolPhase Phase, LevelOfSupport Level, int VisitsDue, int VisitsMade);

/// <summary>One SIP as a service: their headship experience, their schools and the visits made against those due.</summary>
public sealed record SipCaseload(SipHeadship Sip, IReadOnlyList<CaseloadSchool> Schools, IReadOnlyList<PairedVisitGrades> PairedVisits)
{
    public int VisitsDue => Schools.Sum(s => s.VisitsDue);
    public int VisitsMade => Schools.Sum(s => s.VisitsMade);
}

/// <summary>A paired visit's five grades, for each SIP's grades over time.</summary>
public sealed record PairedVisitGrades(int Id, int Urn, DateOnly VisitedOn, string AdviserName, IReadOnlyDictionary<PairedVisitAspect, PairedVisitGrade?> Grades, bool SummarySent);

/// <summary>
/// The SIPs as a service for an academic year: each SIP's assigned schools (caseload) with the visits made against the
/// visits due for each school's agreed level of support (the LA's configuration; a school without an agreed level is
/// due the universal number), their headship experience and their paired visits' grades over time. A SIP sees their own.
/// </summary>
[Operation]
public sealed class GetSipService(AppDbContext db, SipOptions options)
{
    public async Task<OperationResult<IReadOnlyList<SipCaseload>>> RunAsync(int academicYear, CancellationToken ct = default)
    {
        if (db.CurrentUser.Role is not { } role || !role.Allows(Resource.SipService, ResourceAction.Read))
            return OperationResult<IReadOnlyList<SipCaseload>>.Fail(CoreErrors.Forbidden("Your role does not allow you to see the SIPs' caseloads."));
        var sips = (await GetSipEvidence.SipsAsync(db, ct)).Where(s => role != Role.SchoolImprovementPartner || s.UserId == db.CurrentUser.UserId).ToList();
        var urns = sips.SelectMany(s => s.AssignedUrns).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn))
            .Select(s => new { s.Urn, s.Details.Name, s.Phase }).ToDictionaryAsync(s => s.Urn, ct);
        var levels = await CurrentLevels.OfAsync(db, urns, ct);
        var made = await db.SipVisits.AsNoTracking().Where(v => v.AcademicYear == academicYear && urns.Contains(v.Urn))
            .GroupBy(v => new { v.Urn, v.SipUserId }).Select(g => new { g.Key.Urn, g.Key.SipUserId, Count = g.Count() }).ToListAsync(ct);
        var paired = await db.PairedVisits.AsNoTracking().OrderBy(p => p.VisitedOn).ToListAsync(ct);
        return OperationResult<IReadOnlyList<SipCaseload>>.Ok([.. sips.Select(sip => new SipCaseload(sip,
            [.. sip.AssignedUrns.Where(schools.ContainsKey).Select(urn =>
            {
                var level = levels.GetValueOrDefault(urn)?.Level ?? LevelOfSupport.Universal;
                var school = schools[urn];
                return new CaseloadSchool(urn, school.Name, school.Phase, level, options.VisitsDueFor(level),
                    made.Where(m => m.Urn == urn && m.SipUserId == sip.UserId).Sum(m => m.Count));
            })],
            [.. paired.Where(p => p.SipUserId == sip.UserId).Select(Grades)]))]);
    }

    public static PairedVisitGrades Grades(PairedVisit p) =>
        new(p.Id, p.Urn, p.VisitedOn, p.AdviserName, PairedVisitAspects.All.ToDictionary(a => a, a => p.GradeOf(a).Grade), p.SummarySentOn is not null);
}
