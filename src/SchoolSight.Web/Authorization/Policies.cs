using Microsoft.AspNetCore.Authorization;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>
/// Every named policy in one place. Pages and endpoints name a policy; school-level records are also checked
/// per school by <see cref="SchoolAuthorizationHandler"/>, and the database query filter is a second layer.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Anyone who may read school register records (within their school scope): everyone but outside partners.</summary>
    public const string RegisterReader = nameof(RegisterReader);

    /// <summary>LA staff: the LA-wide roles and school improvement partners (localities, clusters).</summary>
    public const string LaStaff = nameof(LaStaff);

    /// <summary>Runs the system: users, imports, register edits, the audit trail.</summary>
    public const string LaAdministrator = nameof(LaAdministrator);

    public static readonly IReadOnlyDictionary<string, Func<Role, bool>> Rules = new Dictionary<string, Func<Role, bool>>
    {
        [SignedIn] = _ => true,
        [RegisterReader] = role => role != Role.Partner,
        [LaStaff] = role => role.IsLaStaff(),
        [LaAdministrator] = role => role == Role.LaAdministrator,
    };

    public static void AddSchoolSightPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, rule) in Rules)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.GetRole() is { } role && rule(role)));
        }
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
