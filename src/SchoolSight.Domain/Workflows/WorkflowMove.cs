using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Workflows;

/// <summary>
/// A named precondition of a move: it reads like the policy it enforces (<see cref="Name"/>) and, when it is not met,
/// says what is missing as an error of kind <see cref="ErrorKind.Rule"/>.
/// </summary>
public sealed record WorkflowRule<TSubject, TContext>(string Name, Func<TSubject, TContext, DomainError?> Check)
    where TContext : MoveContext;

/// <summary>
/// One declared move of a workflow: from which state(s) to which, who may make it, its named preconditions, its title
/// (for buttons and the decision log) and what making it is called in a sentence ("agree entry to the programme").
/// A move that <see cref="IsDecision"/> hands back the <see cref="Decision"/> it made for its record to keep.
/// </summary>
public sealed record WorkflowMove<TSubject, TState, TMove, TContext>(
    TMove Name, string Title, string Doing, IReadOnlyList<TState> From, TState To, IReadOnlySet<Role> Roles,
    IReadOnlyList<WorkflowRule<TSubject, TContext>> Rules, bool IsDecision = true)
    where TState : struct, Enum
    where TMove : struct, Enum
    where TContext : MoveContext
{
    public WorkflowMove(TMove name, string title, string doing, TState from, TState to, IReadOnlySet<Role> roles, IReadOnlyList<WorkflowRule<TSubject, TContext>> rules)
        : this(name, title, doing, [from], to, roles, rules) { }

    public IEnumerable<string> RuleNames => Rules.Select(r => r.Name);
}

/// <summary>A move open to an actor, with everything that still stands in its way (empty: it can be made now).</summary>
public sealed record OpenMove<TSubject, TState, TMove, TContext>(WorkflowMove<TSubject, TState, TMove, TContext> Move, IReadOnlyList<DomainError> Unmet)
    where TState : struct, Enum
    where TMove : struct, Enum
    where TContext : MoveContext;
