using System.Security.Claims;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

public static class SchoolSightClaims
{
    public const string School = "schoolsight:school";
    public const string DisplayName = "schoolsight:name";
    public const string PartnerId = "schoolsight:partner";

    public static Role? GetRole(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>The schools this user may see: the whole LA for LA-wide roles, otherwise the schools in their claims.</summary>
    public static SchoolScope GetSchoolScope(this ClaimsPrincipal user)
    {
        var role = user.GetRole();
        if (role is null || role == Role.Partner) return SchoolScope.Nothing;
        if (role.Value.SeesWholeLa()) return SchoolScope.Everything;
        return SchoolScope.Of(user.FindAll(School).Select(c => int.TryParse(c.Value, out var urn) ? urn : 0).Where(u => u > 0));
    }
}
