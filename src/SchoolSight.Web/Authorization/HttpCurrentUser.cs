using System.Security.Claims;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>The signed-in user of the current request, as the Core operations see them.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    /// <summary>The signed-in user's name; "anonymous" in a request without sign-in; "system" outside any request (start-up, demo data).</summary>
    public string UserName => accessor.HttpContext is null
        ? FixedCurrentUser.System.UserName
        : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "unknown" : "anonymous";
    public Role? Role => Principal?.GetRole();
    public SchoolScope Scope => accessor.HttpContext is null ? SchoolScope.Everything : Principal?.GetSchoolScope() ?? SchoolScope.Nothing;
}
