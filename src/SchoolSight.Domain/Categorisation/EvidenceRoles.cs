using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// Who may read and record the categorisation evidence kept by hand (DOMAIN.md sections 1 and 4; seed 004 7.2): a
/// school records its own self-evaluation judgements, its assigned SIP records theirs, and the LA's school
/// improvement officers may record either; governors read. Concerns are LA records: school users and governors never
/// see them.
/// </summary>
public static class EvidenceRoles
{
    /// <summary>The LA officers who see and act across the whole LA for school improvement.</summary>
    public static readonly IReadOnlySet<Role> LaImprovement = AccessRules.LaImprovement;

    /// <summary>May read a school's judgements: the LA officers, the school's SIP, its staff and governors.</summary>
    public static readonly IReadOnlySet<Role> JudgementReaders = AccessRules.RolesFor(Resource.Judgement, ResourceAction.Read);

    /// <summary>May record at least one source of judgements.</summary>
    public static readonly IReadOnlySet<Role> JudgementRecorders = AccessRules.RolesFor(Resource.Judgement, ResourceAction.Record);

    /// <summary>May read and record concerns: the LA officers, and a SIP for their own schools.</summary>
    public static readonly IReadOnlySet<Role> ConcernKeepers = AccessRules.RolesFor(Resource.Concern, ResourceAction.Record);

    /// <summary>May close a concern: the LA officers only.</summary>
    public static readonly IReadOnlySet<Role> ConcernClosers = AccessRules.RolesFor(Resource.Concern, ResourceAction.Close);

    /// <summary>The roles that may record judgements from <paramref name="source"/>.</summary>
    public static IReadOnlySet<Role> RecordersOf(JudgementSource source) => source switch
    {
        JudgementSource.SelfEvaluation => SelfEvaluationRecorders,
        JudgementSource.SchoolImprovementPartner => SipRecorders,
    };

    public static bool MayRecord(this Role role, JudgementSource source) => RecordersOf(source).Contains(role);

    /// <summary>The source a role records by default: the SIP's own, otherwise the school's self-evaluation.</summary>
    public static JudgementSource OwnSource(this Role role) =>
        role == Role.SchoolImprovementPartner ? JudgementSource.SchoolImprovementPartner : JudgementSource.SelfEvaluation;

    private static readonly IReadOnlySet<Role> SelfEvaluationRecorders = new HashSet<Role>(LaImprovement) { Role.SchoolUser };
    private static readonly IReadOnlySet<Role> SipRecorders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner };
}
