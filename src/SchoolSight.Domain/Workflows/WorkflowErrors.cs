using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Workflows;

/// <summary>The refusals every workflow shares, in words a workflow may replace with its own.</summary>
public static class WorkflowErrors
{
    public static DomainError UnknownMove(string subject) =>
        DomainError.Rule("workflow.unknown-move", $"That is not a move a {subject} can make.");

    public static DomainError WrongState(string doing, string state) =>
        DomainError.Rule("workflow.state", $"You cannot {doing} while it is at \"{state}\".");

    public static DomainError RoleNotAllowed(IReadOnlySet<Role> roles, string doing) =>
        DomainError.Forbidden("workflow.role", $"Only a {Names(roles)} may {doing}.");

    /// <summary>The roles in words, for messages and diagrams: "M&amp;I officer or QA manager".</summary>
    public static string Names(IReadOnlySet<Role> roles) =>
        string.Join(" or ", roles.OrderBy(r => r).Select(r => r.DisplayName().ToLowerInvariant()).Select(n => n.Replace("smt", "SMT").Replace("la ", "LA ")));
}
