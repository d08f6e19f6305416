using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// Who does what in categorisation (DOMAIN.md 1 and 4; seed 004 4.1 and 5.3): the QA manager and the M&amp;I team run
/// the criteria; only the SMT agrees a school's level; the LA administrator looks after rule sets with the SMT.
/// </summary>
public static class CategorisationRoles
{
    public static readonly IReadOnlySet<Role> Proposers = AccessRules.RolesFor(Resource.LevelProposal, ResourceAction.Propose);

    /// <summary>Agree or change a school's level: the Children and Families senior management team.</summary>
    public static readonly IReadOnlySet<Role> Deciders = AccessRules.RolesFor(Resource.LevelProposal, ResourceAction.Decide);

    /// <summary>Upload and preview rule sets.</summary>
    public static readonly IReadOnlySet<Role> RuleEditors = AccessRules.RolesFor(Resource.RuleSet, ResourceAction.Edit);

    /// <summary>Adopt a rule set: it changes how every school is proposed, so the SMT or the LA administrator.</summary>
    public static readonly IReadOnlySet<Role> RuleAdopters = AccessRules.RolesFor(Resource.RuleSet, ResourceAction.Adopt);

    /// <summary>See proposals, the rule sets and every school's level: LA staff who work across the LA on school improvement.</summary>
    public static readonly IReadOnlySet<Role> LaReaders = AccessRules.RolesFor(Resource.LevelProposal, ResourceAction.Read);

    /// <summary>See one school's agreed level and reasons: LA readers, and the school's own users, governors and SIP.</summary>
    public static readonly IReadOnlySet<Role> SchoolLevelReaders = AccessRules.RolesFor(Resource.SchoolLevel, ResourceAction.Read);

    public static bool Allows(this IReadOnlySet<Role> roles, Role? role) => role is { } r && roles.Contains(r);

    public static DomainError NotAllowed(string doing) => DomainError.Forbidden("categorisation.role", $"Your role does not allow you to {doing}.");
}
