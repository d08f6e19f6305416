using System.Security.Claims;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>
/// The acting user as the Core operations see them: in a request, the signed-in user ("anonymous" before sign-in, with
/// no role and no school); outside any request, the system user the scope was created for
/// (<see cref="ActingUsers.CreateScopeAs"/>), or no one: no role, no school, nothing saved.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, ScopeActor? actor = null) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;
    private ICurrentUser? OutsideRequest => accessor.HttpContext is null ? actor?.User ?? ActingUsers.Nobody : null;

    public string? UserId => OutsideRequest is { } outside ? outside.UserId : Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => OutsideRequest is { } outside ? outside.UserName
        : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "unknown" : "anonymous";
    public Role? Role => OutsideRequest is { } outside ? outside.Role : Principal is { } principal ? Read(principal).Role : null;
    public SchoolScope Scope => OutsideRequest is { } outside ? outside.Scope : Principal is { } principal ? Read(principal).Scope : SchoolScope.Nothing;

    /// <summary>The role and schools read from a principal's claims, kept while the request's principal is the same object.</summary>
    private sealed record ReadClaims(ClaimsPrincipal Principal, Role? Role, SchoolScope Scope);

    private ReadClaims? _read;

    // The query filters ask for the role and schools on every query; reading them from the claims each time was a
    // twentieth of what a page allocated. A principal replaced (signed in, signed out, refreshed) is read afresh.
    private ReadClaims Read(ClaimsPrincipal principal)
    {
        if (_read is { } read && ReferenceEquals(read.Principal, principal)) return read;
        return _read = new ReadClaims(principal, principal.GetRole(), principal.GetSchoolScope());
    }

    public int? PartnerId => OutsideRequest is { } outside ? outside.PartnerId
        : int.TryParse(Principal?.FindFirstValue(SchoolSightClaims.PartnerId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>"GET /Schools/999001/Data", with "(export csv)" when a file was asked for (<c>format</c> or <c>handler</c>).</summary>
    public string? Via => accessor.HttpContext?.Request is not { } request ? null
        : (request.Query["format"].FirstOrDefault() ?? request.Query["handler"].FirstOrDefault()) is { Length: > 0 } export
            ? $"{request.Method} {request.Path} (export {export.ToLowerInvariant()})"
            : $"{request.Method} {request.Path}";
}
