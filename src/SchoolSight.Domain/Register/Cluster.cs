using System.Text.Json.Serialization;
using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Register;

[JsonConverter(typeof(JsonStringEnumConverter<ClusterKind>))]
public enum ClusterKind
{
    Cluster,
    Network,
    LearningCommunity,
}

public static class ClusterKinds
{
    public static string DisplayName(this ClusterKind kind) => kind switch
    {
        ClusterKind.Cluster => "Cluster",
        ClusterKind.Network => "Network",
        ClusterKind.LearningCommunity => "Learning community",
    };
}

/// <summary>A group of schools with a formal agreement to work together; a school may belong to several.</summary>
public sealed class Cluster : VersionedEntity
{
    private Cluster() { Name = ""; }

    public Cluster(string name, ClusterKind kind, string? purpose = null)
    {
        Name = "";
        Change(name, kind, purpose);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public ClusterKind Kind { get; private set; }
    public string? Purpose { get; private set; }

    public void Change(string name, ClusterKind kind, string? purpose)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(RegisterErrors.NameRequired("cluster"));
        if (name.Trim().Length > 150) throw new DomainException(RegisterErrors.NameTooLong("cluster", 150));
        Name = name.Trim();
        Kind = kind;
        Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
    }
}

public sealed class ClusterMembership : ISchoolOwned
{
    public static Resource Resource => Resource.School;

    private ClusterMembership() { School = null!; Cluster = null!; }

    internal ClusterMembership(School school, Cluster cluster)
    {
        School = school;
        Cluster = cluster;
        Urn = school.Urn;
        ClusterId = cluster.Id;
    }

    public int Urn { get; private set; }
    public School School { get; private set; }
    public int ClusterId { get; private set; }
    public Cluster Cluster { get; private set; }
}
