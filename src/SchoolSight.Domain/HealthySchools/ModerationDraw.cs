using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// One year's draw of annual reviews for moderation (one per year): the seed, the method and the share, the schools
/// whose self-validated reviews were in the draw and those drawn, so anyone can re-do it and check it.
/// </summary>
public sealed class ModerationDraw : VersionedEntity
{
    private ModerationDraw() { Method = ""; DrawnBy = ""; Population = []; Drawn = []; }

    public static ModerationDraw Make(int year, long seed, double share, IEnumerable<int> population, Actor actor, DateTime at)
    {
        if (!HealthySchoolsRoles.Panel.Contains(actor.Role) && !HealthySchoolsRoles.Coordinator.Contains(actor.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(new HashSet<Access.Role>([.. HealthySchoolsRoles.Panel, .. HealthySchoolsRoles.Coordinator]), "draw annual reviews for moderation"));
        var urns = population.Distinct().Order().ToList();
        if (urns.Count == 0) throw new DomainException(DomainError.Rule("healthy.nothing-to-draw", "No annual review of that year has been self-validated: there is nothing to draw."));
        return new ModerationDraw
        {
            Year = year,
            Seed = seed,
            Share = share,
            Method = ModerationSample.Method,
            Population = urns,
            Drawn = [.. ModerationSample.Draw(urns, seed, share)],
            DrawnBy = actor.Name,
            DrawnAt = at,
        };
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public long Seed { get; private set; }
    public double Share { get; private set; }
    public string Method { get; private set; }
    public List<int> Population { get; private set; }
    public List<int> Drawn { get; private set; }
    public string DrawnBy { get; private set; }
    public DateTime DrawnAt { get; private set; }

    /// <summary>The draw re-done from its seed gives the same schools.</summary>
    public bool Checks() => ModerationSample.Draw(Population, Seed, Share).SequenceEqual(Drawn);
}
