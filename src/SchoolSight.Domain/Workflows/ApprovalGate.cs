using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Workflows;

/// <summary>
/// The approval gate, declared once for every workflow that has one: a thing is submitted (<see cref="Submit"/>, by
/// the <see cref="Submitters"/>, from <see cref="Drafting"/> to <see cref="Submitted"/>), then an approver approves
/// it, asks for clarification (back to <see cref="Drafting"/> with a note for the submitter) or refuses it with a
/// reason. A gate without <see cref="Submit"/> treats the thing as submitted once drafted; a gate without
/// <see cref="AskForClarification"/> or <see cref="Refuse"/> has only the outcomes it declares. Every outcome is a
/// decision: the move hands back who decided, when and why.
/// </summary>
/// <param name="Thing">What passes through the gate, in words: "warning notice".</param>
/// <param name="AThing">The same with its article, for messages: "a warning notice".</param>
public sealed record ApprovalGate<TState, TMove>(
    string Thing, string AThing, TState Submitted, TState Approved, TMove Approve, IReadOnlySet<Role> Approvers)
    where TState : struct, Enum
    where TMove : struct, Enum
{
    public TState? Drafting { get; init; }
    public TMove? Submit { get; init; }
    public IReadOnlySet<Role> Submitters { get; init; } = new HashSet<Role>();
    public TMove? AskForClarification { get; init; }
    public TMove? Refuse { get; init; }
    public TState? Refused { get; init; }

    /// <summary>The gate's moves, with any rules of the subject's own that must hold before approval.</summary>
    public IEnumerable<WorkflowMove<TSubject, TState, TMove, TContext>> Moves<TSubject, TContext>(params WorkflowRule<TSubject, TContext>[] approveRules)
        where TContext : MoveContext
    {
        if (Submit is { } submit)
        {
            var drafting = Drafting ?? throw new InvalidOperationException($"A gate that {AThing} is submitted through needs the state it is drafted in.");
            yield return new(submit, $"Submit the {Thing}", $"submit {AThing}", [drafting], Submitted, Submitters, [], IsDecision: false);
        }
        yield return new(Approve, $"Approve the {Thing}", $"approve {AThing}", Submitted, Approved, Approvers, approveRules);
        if (AskForClarification is { } ask)
            yield return new(ask, "Ask for clarification", $"ask for clarification of {AThing}", Submitted, Drafting ?? Submitted, Approvers,
                [GateRules.NoteIsGiven<TSubject, TContext>("a note for the submitter says what to clarify", "Say what needs clarifying.")]);
        if (Refuse is { } refuse)
            yield return new(refuse, $"Refuse the {Thing}", $"refuse {AThing}", Submitted,
                Refused ?? throw new InvalidOperationException($"A gate that can refuse {AThing} needs the state it is refused into."), Approvers,
                [GateRules.NoteIsGiven<TSubject, TContext>("the reason for refusing is recorded", "Give the reason for refusing.")]);
    }
}

/// <summary>The rules an approval gate brings with it.</summary>
public static class GateRules
{
    public static WorkflowRule<TSubject, TContext> NoteIsGiven<TSubject, TContext>(string name, string message) where TContext : MoveContext =>
        new(name, (_, x) => string.IsNullOrWhiteSpace(x.Reason) ? DomainError.Rule("workflow.reason", message, "Reason") : null);
}
