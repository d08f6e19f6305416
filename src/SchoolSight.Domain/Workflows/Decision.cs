using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Workflows;

/// <summary>
/// A decision, as a value: who made it (name and, when known, user id), in which role, when, why, and the evidence it
/// rests on. Moves that are decisions return one; the record the move changed keeps it.
/// </summary>
public sealed record Decision(string By, Role Role, DateTime At, string? Reason, string? UserId = null, string? Evidence = null)
{
    /// <summary>The decision <paramref name="context"/> describes: its actor, instant, trimmed reason and evidence.</summary>
    public static Decision Of(MoveContext context) =>
        new(context.Actor.Name, context.Actor.Role, context.At, Trimmed(context.Reason), context.Actor.UserId, Trimmed(context.Evidence));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
