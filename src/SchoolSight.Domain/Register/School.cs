using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Register;

/// <summary>A school or setting, identified by its GIAS URN (DOMAIN.md section 2).</summary>
public sealed class School : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.School;

    private readonly List<ClusterMembership> _memberships = [];

    private School() { Details = null!; }

    public School(int urn, SchoolDetails details)
    {
        if (!Urns.IsUrn(urn)) throw new DomainException(RegisterErrors.BadUrn(urn));
        Urn = urn;
        Details = Checked(details);
        Phase = details.Phase;
    }

    public int Urn { get; private set; }
    public SchoolDetails Details { get; private set; }

    /// <summary>Derived from the GIAS phase and type; stored so lists can filter on it.</summary>
    public SchoolPhase Phase { get; private set; }

    /// <summary>The LA's own grouping of schools (not in GIAS).</summary>
    public int? LocalityId { get; private set; }
    public Locality? Locality { get; private set; }
    public IReadOnlyCollection<ClusterMembership> Memberships => _memberships;

    public bool IsOpen => Details.Status.IsOpen();

    /// <summary>Replaces the GIAS details; returns the names of the fields that changed (empty when nothing did).</summary>
    public IReadOnlyList<string> UpdateDetails(SchoolDetails details)
    {
        var changed = details.DifferencesFrom(Details);
        if (changed.Count == 0) return changed;
        Details = Checked(details);
        Phase = details.Phase;
        return changed;
    }

    /// <summary>GIAS lists the school as closed (or it has left the file): mark it closed, never delete it.</summary>
    public bool MarkClosed(DateOnly? closeDate)
    {
        if (Details.Status == SchoolStatus.Closed) return false;
        Details = Details with { Status = SchoolStatus.Closed, CloseDate = closeDate ?? Details.CloseDate };
        return true;
    }

    public void PlaceInLocality(Locality? locality)
    {
        Locality = locality;
        LocalityId = locality?.Id;
    }

    public void JoinCluster(Cluster cluster)
    {
        if (_memberships.Any(m => m.ClusterId == cluster.Id && cluster.Id != 0) || _memberships.Any(m => ReferenceEquals(m.Cluster, cluster))) return;
        _memberships.Add(new ClusterMembership(this, cluster));
    }

    public void LeaveCluster(int clusterId) => _memberships.RemoveAll(m => m.ClusterId == clusterId);

    public bool IsMemberOf(int clusterId) => _memberships.Any(m => m.ClusterId == clusterId);

    /// <summary>
    /// Makes the school a member of exactly <paramref name="clusters"/> (a school may belong to several): leaves the
    /// others, joins the new ones. Returns whether the memberships changed.
    /// </summary>
    public bool ChangeClusters(IEnumerable<Cluster> clusters)
    {
        var wanted = clusters.Distinct().ToList();
        var leaving = _memberships.Where(m => !wanted.Any(c => IsFor(m, c))).ToList();
        var joining = wanted.Where(c => !_memberships.Any(m => IsFor(m, c))).ToList();
        foreach (var membership in leaving) _memberships.Remove(membership);
        foreach (var cluster in joining) _memberships.Add(new ClusterMembership(this, cluster));
        return leaving.Count > 0 || joining.Count > 0;
    }

    private static bool IsFor(ClusterMembership membership, Cluster cluster) =>
        ReferenceEquals(membership.Cluster, cluster) || (cluster.Id != 0 && membership.ClusterId == cluster.Id);

    private static SchoolDetails Checked(SchoolDetails details)
    {
        var errors = details.Validate();
        if (errors.Count > 0) throw new DomainException(errors[0]);
        return details with { Name = details.Name.Trim() };
    }
}
