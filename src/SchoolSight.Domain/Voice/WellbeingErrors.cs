using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Voice;

/// <summary>The refusals of the well-being self-evaluation, written for the person who caused them.</summary>
public static class WellbeingErrors
{
    public static DomainError NotFound(string what) => DomainError.NotFound("wellbeing.not-found", $"The {what} could not be found.");

    public static DomainError NotDraft(EcmOutcome outcome) =>
        DomainError.Rule("wellbeing.completed", $"The self-evaluation of \"{outcome.DisplayName()}\" is completed: reopen it to change it.");
}
