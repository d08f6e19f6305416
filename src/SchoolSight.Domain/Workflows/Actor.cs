using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Workflows;

/// <summary>Who makes a move: the signed-in person's name, their role, and their user id when they have one.</summary>
public sealed record Actor(string Name, Role Role, string? UserId = null);
