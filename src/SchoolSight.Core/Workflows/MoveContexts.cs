using SchoolSight.Core.Data;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Workflows;

/// <summary>Who is making a move, and the context it is judged against, from the signed-in user and the LA's clock.</summary>
public static class MoveContexts
{
    /// <summary>The signed-in user as the actor of a move; null when no one with a role is signed in.</summary>
    public static Actor? Actor(this AppDbContext db) =>
        db.CurrentUser.Role is { } role ? new Actor(db.CurrentUser.UserName, role, db.CurrentUser.UserId) : null;

    /// <summary>A move by <paramref name="actor"/> now, on the LA's date today, with the reason they gave.</summary>
    public static MoveContext MoveBy(this AppDbContext db, Actor actor, string? reason) =>
        new(actor, db.UtcNow, db.Today(), reason);
}
