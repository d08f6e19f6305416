using Microsoft.AspNetCore.Authorization;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>One action on one resource, as an authorization requirement (a named policy, or a check on one school).</summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>A school as the resource of an authorization check.</summary>
public sealed record SchoolResource(int Urn);

/// <summary>The checks made on one school's register record.</summary>
public static class SchoolOperations
{
    public static readonly PermissionRequirement Read = new(new Permission(Resource.School, ResourceAction.Read));
    public static readonly PermissionRequirement Edit = new(new Permission(Resource.School, ResourceAction.Edit));
}

/// <summary>
/// Meets a <see cref="PermissionRequirement"/> when the access table gives the user's role the permission and, when
/// the check is about one school (<see cref="SchoolResource"/>) and the resource is held per school, the school is in
/// the user's scope (own school, assigned schools, or the whole LA).
/// </summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var role = context.User.GetRole();
        var (resource, action) = (requirement.Permission.Resource, requirement.Permission.Action);
        var allowed = context.Resource is SchoolResource school
            ? role.Allows(context.User.GetSchoolScope(), resource, action, school.Urn)
            : role.Allows(resource, action);
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
