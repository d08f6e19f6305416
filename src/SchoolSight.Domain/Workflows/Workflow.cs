using SchoolSight.Domain.Access;
using Stateless;
using Stateless.Graph;

namespace SchoolSight.Domain.Workflows;

/// <summary>
/// One workflow, declared: the moves a <typeparamref name="TSubject"/> can make between the states of
/// <typeparamref name="TState"/>, who may make each and its named rules. The kernel judges a move (<see cref="Check"/>:
/// the wrong state is a <see cref="ErrorKind.Rule"/> error, a role not allowed is <see cref="ErrorKind.Forbidden"/>,
/// each unmet rule a Rule error), lists the moves open to someone (<see cref="MovesFor"/>), makes a move through a
/// Stateless state machine (<see cref="Fire"/>) and draws the workflow (<see cref="Diagram"/>). A workflow keeps its
/// own words for refusals by passing <paramref name="wrongState"/> and <paramref name="roleRefused"/>; the kernel
/// still decides their kind.
/// </summary>
public sealed class Workflow<TSubject, TState, TMove, TContext>(
    string subject,
    Func<TSubject, TState> state,
    IReadOnlyList<WorkflowMove<TSubject, TState, TMove, TContext>> moves,
    Func<WorkflowMove<TSubject, TState, TMove, TContext>, TSubject, TState, DomainError>? wrongState = null,
    Func<WorkflowMove<TSubject, TState, TMove, TContext>, Actor, DomainError>? roleRefused = null)
    where TState : struct, Enum
    where TMove : struct, Enum
    where TContext : MoveContext
{
    /// <summary>What the workflow moves, in words ("programme case", "warning notice").</summary>
    public string Subject { get; } = subject;

    public IReadOnlyList<WorkflowMove<TSubject, TState, TMove, TContext>> Moves { get; } = moves;

    /// <summary>Everyone who may make at least one move.</summary>
    public IReadOnlySet<Role> Roles { get; } = moves.SelectMany(m => m.Roles).ToHashSet();

    public TState StateOf(TSubject subject) => state(subject);

    public WorkflowMove<TSubject, TState, TMove, TContext>? Find(TMove name) => Moves.FirstOrDefault(m => EqualityComparer<TMove>.Default.Equals(m.Name, name));

    public WorkflowMove<TSubject, TState, TMove, TContext> Move(TMove name) =>
        Find(name) ?? throw new DomainException(WorkflowErrors.UnknownMove(Subject));

    /// <summary>Everything that stops <paramref name="name"/> now: the wrong state alone, or the wrong role and each unmet rule.</summary>
    public IReadOnlyList<DomainError> Check(TSubject subject, TMove name, TContext context)
    {
        if (Find(name) is not { } move) return [WorkflowErrors.UnknownMove(Subject)];
        var current = state(subject);
        if (!move.From.Contains(current))
            return [(wrongState?.Invoke(move, subject, current) ?? WorkflowErrors.WrongState(move.Doing, current.ToString())) with { Kind = ErrorKind.Rule }];
        var errors = new List<DomainError>();
        if (!move.Roles.Contains(context.Actor.Role))
            errors.Add((roleRefused?.Invoke(move, context.Actor) ?? WorkflowErrors.RoleNotAllowed(move.Roles, move.Doing)) with { Kind = ErrorKind.Forbidden });
        errors.AddRange(Unmet(move, subject, context));
        return errors;
    }

    /// <summary>The moves open to the actor from the subject's current state, each with what still stands in its way.</summary>
    public IReadOnlyList<OpenMove<TSubject, TState, TMove, TContext>> MovesFor(TSubject subject, TContext context)
    {
        var current = state(subject);
        return [.. Moves.Where(m => m.From.Contains(current) && m.Roles.Contains(context.Actor.Role))
            .Select(m => new OpenMove<TSubject, TState, TMove, TContext>(m, Unmet(m, subject, context)))];
    }

    /// <summary>
    /// Makes the move through the state machine, writing the new state with <paramref name="write"/>; refused (a
    /// <see cref="DomainException"/> with every reason) unless <see cref="Check"/> passes. Returns the decision made,
    /// or null for a move that is not a decision.
    /// </summary>
    public Decision? Fire(TSubject subject, TMove name, TContext context, Action<TState> write)
    {
        var errors = Check(subject, name, context);
        if (errors.Count > 0) throw new DomainException(errors[0], errors);
        var current = state(subject);
        Build(() => current, s => { current = s; write(s); }, () => Check(subject, name, context).Count == 0).Fire(name);
        return Move(name).IsDecision ? context.Decision : null;
    }

    /// <summary>The workflow as a Graphviz diagram starting at <paramref name="initial"/>, each move labelled with its roles and rules.</summary>
    public string Diagram(TState initial)
    {
        var current = initial;
        return UmlDotGraph.Format(Build(() => current, s => current = s, () => true).GetInfo());
    }

    private List<DomainError> Unmet(WorkflowMove<TSubject, TState, TMove, TContext> move, TSubject subject, TContext context) =>
        [.. move.Rules.Select(r => r.Check(subject, context)).OfType<DomainError>().Select(e => e with { Kind = ErrorKind.Rule })];

    private StateMachine<TState, TMove> Build(Func<TState> read, Action<TState> write, Func<bool> allowed)
    {
        var machine = new StateMachine<TState, TMove>(read, write);
        foreach (var move in Moves)
        {
            var guard = string.Join("; ", move.RuleNames.Prepend(WorkflowErrors.Names(move.Roles)));
            foreach (var from in move.From)
            {
                if (EqualityComparer<TState>.Default.Equals(from, move.To)) machine.Configure(from).PermitReentryIf(move.Name, allowed, guard);
                else machine.Configure(from).PermitIf(move.Name, move.To, allowed, guard);
            }
        }
        return machine;
    }
}
