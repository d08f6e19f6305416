namespace SchoolSight.Domain.Workflows;

/// <summary>
/// What a move is judged against: who is acting, the instant they act, the LA's date today (supplied by the caller
/// from the LA's clock, never worked out here), the reason they gave and the evidence they point to. A workflow that
/// needs more (a term calendar, say) declares a context deriving from this one.
/// </summary>
public record MoveContext(Actor Actor, DateTime At, DateOnly Today, string? Reason = null, string? Evidence = null)
{
    public Decision Decision => Decision.Of(this);
}
