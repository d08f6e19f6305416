using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// Who sees the risk register and the board packs (DOMAIN.md 4 and 10: the shared picture for senior officers and the
/// boards), and who arranges the boards' meetings.
/// </summary>
public static class BoardRoles
{
    /// <summary>The LA officers who run school improvement: the risk register and every board pack.</summary>
    public static readonly IReadOnlySet<Role> Readers = AccessRules.RolesFor(Resource.RiskRegister, ResourceAction.Read);

    /// <summary>Arrange the SSEB's and the locality boards' meetings.</summary>
    public static readonly IReadOnlySet<Role> Organisers = AccessRules.RolesFor(Resource.BoardMeeting, ResourceAction.Edit);
}
