using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>A school as the resource of an authorization check.</summary>
public sealed record SchoolResource(int Urn);

public static class SchoolOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>
/// Who may do what to one school: read within the user's school scope (own school, assigned schools, or the
/// whole LA); edit register details only as an LA administrator.
/// </summary>
public sealed class SchoolAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, SchoolResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, SchoolResource resource)
    {
        if (context.User.GetRole() is not { } role) return Task.CompletedTask;
        var allowed = requirement.Name switch
        {
            nameof(SchoolOperations.Read) => role != Role.Partner && context.User.GetSchoolScope().Includes(resource.Urn),
            nameof(SchoolOperations.Edit) => role == Role.LaAdministrator,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
