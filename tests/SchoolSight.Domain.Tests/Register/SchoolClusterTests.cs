using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Register;

public sealed class SchoolClusterTests
{
    private static School NewSchool() => new(999001, new SchoolDetails
    {
        Name = "Ashcombe Primary School",
        LaCode = 999,
        TypeOfEstablishment = "Community school",
        PhaseOfEducation = "Primary",
    });

    private static readonly Cluster Network = new("Riverside Learning Network", ClusterKind.Network);
    private static readonly Cluster Community = new("Eastgate Learning Community", ClusterKind.LearningCommunity);
    private static readonly Cluster Northfield = new("Northfield Cluster", ClusterKind.Cluster);

    [Fact]
    public void ChangeClusters_ASchoolMayBelongToSeveral()
    {
        var school = NewSchool();
        school.ChangeClusters([Network, Community]).ShouldBeTrue();
        school.Memberships.Select(m => m.Cluster).ShouldBe([Network, Community], ignoreOrder: true);
    }

    [Fact]
    public void ChangeClusters_LeavesTheOnesNotListed_AndJoinsTheNewOnes()
    {
        var school = NewSchool();
        school.ChangeClusters([Network, Community]);
        school.ChangeClusters([Community, Northfield]).ShouldBeTrue();
        school.Memberships.Select(m => m.Cluster).ShouldBe([Community, Northfield], ignoreOrder: true);
    }

    [Fact]
    public void ChangeClusters_ToTheSameClusters_ChangesNothing()
    {
        var school = NewSchool();
        school.ChangeClusters([Network, Community]);
        school.ChangeClusters([Community, Network, Network]).ShouldBeFalse();
        school.Memberships.Count.ShouldBe(2);
    }

    [Fact]
    public void ChangeClusters_ToNone_LeavesEveryCluster()
    {
        var school = NewSchool();
        school.ChangeClusters([Network]);
        school.ChangeClusters([]).ShouldBeTrue();
        school.Memberships.ShouldBeEmpty();
    }

    [Fact]
    public void IsMemberOf_FollowsJoinAndLeave()
    {
        var school = NewSchool();
        school.IsMemberOf(Network.Id).ShouldBeFalse();
        school.JoinCluster(Network);
        school.IsMemberOf(Network.Id).ShouldBeTrue();
        school.LeaveCluster(Network.Id);
        school.IsMemberOf(Network.Id).ShouldBeFalse();
    }
}
