namespace SchoolSight.Domain.Access;

/// <summary>
/// Which schools a user may see: the whole LA, or a fixed set of URNs (a school user's or governor's own school,
/// a SIP's assigned schools). Partners see no school records.
/// </summary>
public sealed record SchoolScope
{
    private SchoolScope(bool wholeLa, IReadOnlySet<int> urns)
    {
        WholeLa = wholeLa;
        Urns = urns;
    }

    public bool WholeLa { get; }
    public IReadOnlySet<int> Urns { get; }

    public static SchoolScope Everything { get; } = new(true, new HashSet<int>());
    public static SchoolScope Nothing { get; } = new(false, new HashSet<int>());
    public static SchoolScope Of(IEnumerable<int> urns) => new(false, urns.ToHashSet());

    public bool Includes(int urn) => WholeLa || Urns.Contains(urn);
}

/// <summary>Who may see unsuppressed figures built from pupil-level data (DOMAIN.md 1 and 3.4).</summary>
public static class PupilLevelAccess
{
    /// <summary>
    /// LA officers who run school improvement see every school's unsuppressed figures; a school's own staff and its
    /// assigned SIP see that school's. Everyone else (governors, Healthy Schools and QUAS roles, partners, and anyone
    /// looking at another school) sees small numbers suppressed.
    /// </summary>
    public static bool SeesPupilLevel(Role? role, SchoolScope scope, int? urn) =>
        role.Allows(Resource.PupilData, ResourceAction.Read) && (scope.WholeLa || (urn is { } u && scope.Urns.Contains(u)));
}
