using System.Security.Claims;
using SchoolSight.Core.Access;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>The signed-in user of the current request, as the Core operations see them.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "unknown" : "anonymous";
    public Role? Role => Principal?.GetRole();
    public SchoolScope Scope => Principal?.GetSchoolScope() ?? SchoolScope.Nothing;
}
