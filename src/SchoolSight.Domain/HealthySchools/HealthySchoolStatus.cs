using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// A school's Healthy Schools status (named by the LA): the day it was achieved or last renewed, and the day it lapsed
/// if the coordinator recorded that it did. It also lapses by itself once the LA's renewal period has passed.
/// </summary>
public sealed class HealthySchoolStatus : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.HealthySchools;

    private HealthySchoolStatus() { }

    public static HealthySchoolStatus Achieve(int urn, DateOnly achievedOn, Actor actor, DateOnly today)
    {
        var status = new HealthySchoolStatus { Urn = urn };
        status.Renew(achievedOn, actor, today);
        return status;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }
    public DateOnly AchievedOn { get; private set; }
    public DateOnly? LapsedOn { get; private set; }
    public string? RecordedBy { get; private set; }

    /// <summary>The status is achieved again (renewed): it runs for the renewal period from that day.</summary>
    public void Renew(DateOnly achievedOn, Actor actor, DateOnly today)
    {
        RequireCoordinator(actor, "record the status");
        if (achievedOn > today) throw new DomainException(new DomainError("healthy.status-future", "The day the status was achieved cannot be in the future", nameof(AchievedOn)));
        AchievedOn = achievedOn;
        LapsedOn = null;
        RecordedBy = actor.Name;
    }

    /// <summary>The coordinator records that the status lapsed (e.g. the school stopped its annual review).</summary>
    public void Lapse(DateOnly on, Actor actor)
    {
        RequireCoordinator(actor, "record that the status lapsed");
        if (on < AchievedOn) throw new DomainException(new DomainError("healthy.lapse-date", "The status cannot lapse before it was achieved", nameof(LapsedOn)));
        LapsedOn = on;
        RecordedBy = actor.Name;
    }

    public DateOnly LapsesOn(int renewalYears) => LapsedOn ?? AchievedOn.AddYears(renewalYears);

    public bool IsCurrent(DateOnly today, int renewalYears) => today < LapsesOn(renewalYears);

    private static void RequireCoordinator(Actor actor, string doing)
    {
        if (!HealthySchoolsRoles.Coordinator.Contains(actor.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(HealthySchoolsRoles.Coordinator, doing));
    }
}
