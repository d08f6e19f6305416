using SchoolSight.Domain;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Web.Pages.Shared;

/// <summary>
/// One move as the moves partial (<c>_Moves</c>) shows it: its title, what still stands in its way, and either a link
/// to the page where it is made (<see cref="Href"/>) or a form with a reason box posting to the panel's action.
/// </summary>
/// <param name="ReasonLabel">The label of the move's reason box; null for a move that takes no reason.</param>
/// <param name="BlockedLink">A link to show (to <see cref="Href"/>) while the move is blocked, when that page is where the way is cleared.</param>
public sealed record MoveChoice(string Name, string Title, IReadOnlyList<string> StillNeeded, string? Href = null, string? ReasonLabel = null, string? BlockedLink = null)
{
    public bool IsOpen => StillNeeded.Count == 0;
}

/// <summary>
/// What the shared moves partial lists: the moves of one workflow open to the signed-in user, each with what stands in
/// its way, made by a link or by a form posting <see cref="MoveField"/>, <see cref="ReasonField"/> and
/// <see cref="Hidden"/> to <see cref="Action"/>.
/// </summary>
public sealed record MovesPanel(IReadOnlyList<MoveChoice> Moves)
{
    public string? Action { get; init; }
    public string MoveField { get; init; } = "Move";
    public string ReasonField { get; init; } = "Reason";
    public string? ReasonHint { get; init; }
    public IReadOnlyDictionary<string, string> Hidden { get; init; } = new Dictionary<string, string>();

    /// <summary>Shown when no move is open to the user; nothing is shown when null.</summary>
    public string? Empty { get; init; }

    /// <summary>
    /// The panel for the open moves of a workflow. <paramref name="shown"/> picks the problems worth showing (one the
    /// reason box itself answers need not be listed); <paramref name="choice"/> shapes each move's link or reason box.
    /// </summary>
    public static MovesPanel Of<TSubject, TState, TMove, TContext>(IEnumerable<OpenMove<TSubject, TState, TMove, TContext>> open,
        Func<WorkflowMove<TSubject, TState, TMove, TContext>, IReadOnlyList<string>, MoveChoice>? choice = null, Func<DomainError, bool>? shown = null)
        where TState : struct, Enum
        where TMove : struct, Enum
        where TContext : MoveContext =>
        new([.. open.Select(m =>
        {
            IReadOnlyList<string> needed = [.. m.Unmet.Where(shown ?? (_ => true)).Select(e => e.Message)];
            return choice?.Invoke(m.Move, needed) ?? new MoveChoice(m.Move.Name.ToString(), m.Move.Title, needed, ReasonLabel: "Reason for the decision");
        })]);
}
