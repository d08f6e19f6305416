using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Data;

/// <summary>Who is acting: the signed-in user on the web, the named operator in the CLI.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    Role? Role { get; }
    SchoolScope Scope { get; }
}

/// <summary>An acting user fixed at construction: the CLI, the demo seeder, tests.</summary>
public sealed class FixedCurrentUser(string userName, Role? role = Domain.Access.Role.LaAdministrator, string? userId = null, SchoolScope? scope = null) : ICurrentUser
{
    public string? UserId { get; } = userId;
    public string UserName { get; } = userName;
    public Role? Role { get; } = role;
    public SchoolScope Scope { get; } = scope ?? SchoolScope.Everything;

    public static FixedCurrentUser System { get; } = new("system");
}
