using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Categorisation;

/// <summary>The named refusals of categorisation, each with a message for the person refused.</summary>
public static class CategorisationErrors
{
    public static DomainError ProposalNotOpen(ProposalStatus status) => DomainError.Rule("proposal.notOpen", status switch
    {
        ProposalStatus.Superseded => "A newer proposal has replaced this one. Open the school's latest proposal.",
        _ => "The SMT has already decided on this proposal.",
    });

    public static DomainError NotSmt(Role role) =>
        DomainError.Forbidden("level.notSmt", $"Only a member of the senior management team can agree a school's level of support; you are signed in as {role.DisplayName().ToLowerInvariant()}.");

    public static DomainError ReasonRequired(bool changing) => new("level.reason", changing
        ? "Give the reason for setting a different level from the one proposed"
        : "Give the reason for agreeing the level", "Reason");
}
