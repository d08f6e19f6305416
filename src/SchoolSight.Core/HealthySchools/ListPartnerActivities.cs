using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// One activity a school plans or delivers with a partner: the school, what the activity is, whether it is universal or
/// targeted (and at whom), the school's stage, the day the QUAS approved the school's plans (activities start from
/// then) and the day the school's current outcomes are to be met by.
/// </summary>
public sealed record PartnerActivityRow(int Urn, string SchoolName, int Number, string Description, ActivityReach Reach, string? TargetGroup,
    EnhancementStage Stage, DateOnly? PlansApprovedOn, DateOnly? OutcomesDueBy);

/// <summary>
/// The Healthy Schools activities that name the signed-in partner's organisation, at the schools planning or
/// delivering them (stages 5 to 7). A partner reads no school's Healthy Schools record: this list is read past the
/// school-scope filter on purpose, keeps to the activities naming the user's own organisation, and shows only what
/// the partner needs to do its part.
/// </summary>
[Operation]
public sealed class ListPartnerActivities(AppDbContext db)
{
    private static readonly EnhancementStage[] PlanningOrDelivering =
        [EnhancementStage.BaselinesAndActivities, EnhancementStage.Implementation, EnhancementStage.Monitoring];

    public async Task<OperationResult<IReadOnlyList<PartnerActivityRow>>> RunAsync(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.PartnerActivities, ResourceAction.Read))
            return OperationResult<IReadOnlyList<PartnerActivityRow>>.Fail(CoreErrors.Forbidden("Only a partner's users see the activities that name their organisation."));
        if (db.CurrentUser.PartnerId is not { } partnerId) return OperationResult<IReadOnlyList<PartnerActivityRow>>.Ok([]);

        var engagements = (await db.HealthySchoolEngagements.IgnoreQueryFilters().AsNoTracking()
                .Where(e => PlanningOrDelivering.Contains(e.Stage)).ToListAsync(ct))
            .Where(e => e.Activities.Any(a => a.PartnerId == partnerId)).ToList();
        var urns = engagements.Select(e => e.Urn).ToList();
        var names = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        return OperationResult<IReadOnlyList<PartnerActivityRow>>.Ok([.. engagements
            .SelectMany(e => e.Activities.Where(a => a.PartnerId == partnerId).Select(a => new PartnerActivityRow(e.Urn, names.GetValueOrDefault(e.Urn) ?? $"URN {e.Urn}",
                a.Number, a.Description, a.Reach, a.TargetGroup, e.Stage, e.ApprovedOn,
                e.CurrentOutcomes.Select(o => (DateOnly?)o.ByWhen).Max())))
            .OrderBy(r => r.SchoolName).ThenBy(r => r.Number)]);
    }
}
