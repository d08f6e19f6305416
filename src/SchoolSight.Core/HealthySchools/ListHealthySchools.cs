using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>One school on the LA's Healthy Schools list: its stage, the barometer and its awards.</summary>
public sealed record HealthySchoolRow(int Urn, string SchoolName, string? Locality, EnhancementStage Stage, int Cycle, DateOnly EngagedOn,
    DateOnly? ApprovedOn, int EsisMet, int EsisSet, int Awards, bool WaitingForQuas, bool WaitingForSchool);

/// <summary>The LA's list of schools in the enhancement model, with where each stands and the awards it holds.</summary>
[Operation]
public sealed class ListHealthySchools(AppDbContext db)
{
    public async Task<OperationResult<IReadOnlyList<HealthySchoolRow>>> RunAsync(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Read))
            return OperationResult<IReadOnlyList<HealthySchoolRow>>.Fail(CoreErrors.Forbidden("Your role does not allow you to see the LA's Healthy Schools list."));
        var engagements = await db.HealthySchoolEngagements.AsNoTracking().ToListAsync(ct);
        var urns = engagements.Select(e => e.Urn).ToList();
        var schools = await db.Schools.Where(s => urns.Contains(s.Urn))
            .Select(s => new { s.Urn, s.Details.Name, Locality = s.Locality != null ? s.Locality.Name : null }).ToDictionaryAsync(s => s.Urn, ct);
        return OperationResult<IReadOnlyList<HealthySchoolRow>>.Ok([.. engagements.Select(e =>
            {
                var school = schools.GetValueOrDefault(e.Urn);
                var (met, set) = e.Barometer;
                return new HealthySchoolRow(e.Urn, school?.Name ?? $"URN {e.Urn}", school?.Locality, e.Stage, e.Cycle, e.EngagedOn, e.ApprovedOn, met, set,
                    e.Outcomes.Count(o => o.State == OutcomeState.Met),
                    e.Stage == EnhancementStage.WithQuas || e.Outcomes.Any(o => o.State == OutcomeState.SubmittedAsMet),
                    e.AwaitsAnswer);
            }).OrderBy(r => r.SchoolName)]);
    }
}
