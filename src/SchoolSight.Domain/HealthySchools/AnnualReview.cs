using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>A criterion of the annual review confirmed by the school, with its evidence (files are attached to the review).</summary>
public sealed record CriterionConfirmation(string CriterionId, string Evidence, string By, DateOnly On);

/// <summary>How the QUAS moderated an annual review drawn for moderation.</summary>
public enum ModerationOutcome
{
    /// <summary>The panel agrees with the school's self-validation.</summary>
    Agreed,

    /// <summary>The panel does not agree: the school reviews the criteria again.</summary>
    NotAgreed,
}

/// <summary>
/// A school's annual review for one academic year (one per year), which keeps its Healthy Schools status: each criterion
/// of the four themes confirmed with evidence, then self-validated by the school. A share of each year's self-validated
/// reviews is drawn for moderation by the QUAS (<see cref="ModerationSample"/>): assigned to a panel member, who records
/// the outcome.
/// </summary>
public sealed class AnnualReview : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.HealthySchools;

    private readonly List<CriterionConfirmation> _confirmations = [];

    private AnnualReview() { CriteriaVersion = ""; }

    public static AnnualReview Start(int urn, int year, ReviewCriteria criteria, Actor actor)
    {
        HealthySchoolEngagement.RequireRole(actor, "start the annual review");
        return new AnnualReview { Urn = urn, Year = year, CriteriaVersion = criteria.Version };
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The academic year (the calendar year it starts in).</summary>
    public int Year { get; private set; }
    public string CriteriaVersion { get; private set; }
    public IReadOnlyList<CriterionConfirmation> Confirmations => _confirmations;
    public DateOnly? SelfValidatedOn { get; private set; }
    public string? SelfValidatedBy { get; private set; }

    /// <summary>The moderation draw that chose this review, if one did.</summary>
    public int? ModerationDrawId { get; private set; }
    public string? Moderator { get; private set; }
    public ModerationOutcome? ModerationOutcome { get; private set; }
    public string? ModerationComments { get; private set; }
    public DateOnly? ModeratedOn { get; private set; }

    public bool IsSelfValidated => SelfValidatedOn is not null;
    public bool AwaitsModeration => ModerationDrawId is not null && ModerationOutcome is null;

    public CriterionConfirmation? ConfirmationOf(string criterionId) => _confirmations.FirstOrDefault(c => c.CriterionId == criterionId);

    /// <summary>The school confirms a criterion with its evidence; confirming it again replaces the evidence.</summary>
    public void Confirm(ReviewCriteria criteria, string criterionId, string evidence, Actor actor, DateOnly today)
    {
        HealthySchoolEngagement.RequireRole(actor, "confirm the annual review's criteria");
        if (IsSelfValidated) throw new DomainException(DomainError.Rule("healthy.review-validated", "The annual review has been self-validated: it cannot be changed."));
        if (criteria.Find(criterionId) is null) throw new DomainException(new DomainError("healthy.criterion", "Choose a criterion of the annual review", "CriterionId"));
        var text = TextFields.Required(evidence, "Evidence", "Enter the evidence that the criterion is met");
        _confirmations.RemoveAll(c => c.CriterionId == criterionId);
        _confirmations.Add(new CriterionConfirmation(criterionId, text, actor.Name, today));
    }

    /// <summary>The school self-validates the review: refused, naming each one, while any criterion is unconfirmed.</summary>
    public void SelfValidate(ReviewCriteria criteria, Actor actor, DateOnly today)
    {
        HealthySchoolEngagement.RequireRole(actor, "self-validate the annual review");
        if (IsSelfValidated) throw new DomainException(DomainError.Rule("healthy.review-validated", "The annual review has already been self-validated."));
        var missing = criteria.Themes.SelectMany(t => t.Criteria.Where(c => ConfirmationOf(c.Id) is null)
            .Select(c => DomainError.Rule("healthy.criterion-unconfirmed", $"{t.Name}: confirm \"{c.Text}\" with its evidence."))).ToList();
        if (missing.Count > 0) throw new DomainException(missing[0], missing);
        SelfValidatedOn = today;
        SelfValidatedBy = actor.Name;
    }

    /// <summary>The review was drawn for moderation and assigned to a panel member.</summary>
    public void DrawForModeration(int drawId, string moderator)
    {
        if (!IsSelfValidated) throw new DomainException(DomainError.Rule("healthy.review-not-validated", "Only a self-validated annual review can be drawn for moderation."));
        if (ModerationDrawId is not null) throw new DomainException(DomainError.Conflict("healthy.review-drawn", "The annual review has already been drawn for moderation."));
        ModerationDrawId = drawId;
        Moderator = moderator;
    }

    /// <summary>The panel member the review was assigned to records the moderation's outcome.</summary>
    public void Moderate(ModerationOutcome outcome, string? comments, Actor actor, DateOnly today)
    {
        if (!HealthySchoolsRoles.Panel.Contains(actor.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(HealthySchoolsRoles.Panel, "moderate an annual review"));
        if (ModerationDrawId is null) throw new DomainException(DomainError.Rule("healthy.review-not-drawn", "This annual review was not drawn for moderation."));
        if (ModerationOutcome is not null) throw new DomainException(DomainError.Rule("healthy.review-moderated", "This annual review has already been moderated."));
        if (!string.Equals(Moderator, actor.Name, StringComparison.OrdinalIgnoreCase))
            throw new DomainException(DomainError.Forbidden("healthy.review-moderator", $"This annual review is assigned to {Moderator} for moderation."));
        var text = outcome == HealthySchools.ModerationOutcome.NotAgreed
            ? TextFields.Required(comments, "Comments", "Enter why the panel does not agree, for the school")
            : TextFields.Optional(comments, "Comments", "The comments");
        ModerationOutcome = outcome;
        ModerationComments = text;
        ModeratedOn = today;
    }
}
