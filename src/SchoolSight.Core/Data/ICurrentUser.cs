using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Data;

/// <summary>
/// Who is acting: the signed-in user on the web, a named system user for the command line and the scheduled jobs.
/// An empty <see cref="UserName"/> means no one is acting (<see cref="ActingUsers.Nobody"/>): such a user reads no
/// school's records and can save nothing.
/// </summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    Role? Role { get; }
    SchoolScope Scope { get; }

    /// <summary>The page, API call or export the user is acting through, for the audit of reads; null outside a request.</summary>
    string? Via => null;

    /// <summary>The partner organisation a partner's user works for; null for everyone else.</summary>
    int? PartnerId => null;
}

/// <summary>An acting user fixed at construction: the command line, the scheduled jobs, tests.</summary>
public sealed class FixedCurrentUser(string userName, Role? role = Domain.Access.Role.LaAdministrator, string? userId = null, SchoolScope? scope = null) : ICurrentUser
{
    public string? UserId { get; } = userId;
    public string UserName { get; } = userName;
    public Role? Role { get; } = role;
    public SchoolScope Scope { get; } = scope ?? SchoolScope.Everything;
}

/// <summary>
/// The acting users that are not people. SchoolSight's own work runs as a named system user, whose name the audit trail
/// records; where no one is acting, nothing is read or saved.
/// </summary>
public static class ActingUsers
{
    /// <summary>No one: no role, no school, and nothing can be saved.</summary>
    public static ICurrentUser Nobody { get; } = new FixedCurrentUser("", null, null, SchoolScope.Nothing);

    /// <summary>The reminders, the pupil data retention and the recompute at start-up.</summary>
    public static ICurrentUser Scheduler { get; } = new FixedCurrentUser("SchoolSight scheduler");

    /// <summary>The web app's start-up: migrating the database and filling an empty one with the demo data.</summary>
    public static ICurrentUser StartUp { get; } = new FixedCurrentUser("SchoolSight start-up");

    /// <summary>The <c>schoolsight</c> command line, run by <paramref name="operatorName"/> when they name themselves.</summary>
    public static ICurrentUser CommandLine(string? operatorName = null) =>
        new FixedCurrentUser(string.IsNullOrWhiteSpace(operatorName) ? "SchoolSight command line" : operatorName);

    /// <summary>Whether anyone is acting at all.</summary>
    public static bool IsSomeone(this ICurrentUser user) => !string.IsNullOrEmpty(user.UserName);

    /// <summary>
    /// A service scope whose work is done by <paramref name="user"/> rather than by a signed-in person: for work that
    /// runs outside any request (the scheduled jobs, the web app's start-up).
    /// </summary>
    public static AsyncServiceScope CreateScopeAs(this IServiceScopeFactory scopes, ICurrentUser user)
    {
        var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ScopeActor>() is { } actor) actor.User = user;
        return scope;
    }
}

/// <summary>The acting user of a service scope that is not a request (see <see cref="ActingUsers.CreateScopeAs"/>); null in a request.</summary>
public sealed class ScopeActor
{
    public ICurrentUser? User { get; set; }
}
