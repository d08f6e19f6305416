using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>The programme's named errors; each message is written for the person who caused it.</summary>
public static class ProgrammeErrors
{
    public static DomainError RoleNotAllowed(IReadOnlySet<Role> roles, string doing) =>
        DomainError.Forbidden("programme.role", $"Only a {ProgrammeRoles.Names(roles)} may {doing}.");

    public static DomainError WrongState(string doing, CaseState state) =>
        DomainError.Rule("programme.state", $"You cannot {doing} while the case is at \"{state.Describe()}\".");

    public static DomainError Required(string field, string message) => new("programme.required", message, field);

    public static DomainError InFuture(string field, string what) =>
        new("programme.future-date", $"{what} cannot be in the future.", field);

    public static DomainError NotMeasurable(string field) =>
        new("programme.not-measurable", "Success criteria must be measurable: include a figure, such as a percentage, a number of pupils or a date.", field);

    public static DomainError OpenCaseExists(string school) =>
        DomainError.Rule("programme.open-case", $"{school} already has an open case in the programme.", "Urn");

    public static DomainError SchoolClosed(string school) =>
        DomainError.Rule("programme.school-closed", $"{school} is closed: only open schools can enter the programme.", "Urn");

    public static DomainError BaselineNotRecent(int months) =>
        new("programme.baseline-not-recent", $"The baseline assessment must be recent: dated within the last {months} months.", "AssessedOn");

    public static DomainError UnknownAction =>
        new("programme.unknown-action", "Choose an action from this case's plan.", "PlanActionId");

    public static DomainError EvidenceRequired =>
        new("programme.evidence-required", "Link at least one piece of measurable evidence to an action in the plan: the report cannot rest on the headteacher's view alone.", "Evidence");

    public static DomainError MeetingNotHeld =>
        DomainError.Rule("programme.meeting-not-held", "Record that the meeting was held before recording its minutes.", "MinutesCirculatedOn");

    public static DomainError BeforeMeeting(string field, string what) =>
        new("programme.before-meeting", $"{what} cannot be before the meeting was held.", field);

    public static DomainError NotAtSchoolReason =>
        new("programme.venue-reason", "Meetings take place at the school wherever possible: say why this one is not.", "NotAtSchoolReason");

    public static DomainError NoBudget =>
        DomainError.Rule("programme.no-budget", "Agree the programme budget for this case before recording spending.", "Total");

    public static DomainError Unbalanced(decimal total, decimal programme, decimal school) =>
        new("programme.unbalanced", $"The line does not balance: £{programme:N2} from the programme and £{school:N2} from the school's own budget make £{programme + school:N2}, not the total of £{total:N2}.", "Total");

    public static DomainError Overspend(decimal remaining) =>
        DomainError.Rule("programme.overspend", $"This would overspend the programme budget: £{remaining:N2} remains.", "FromProgramme");

    public static DomainError OverContribution(decimal remaining) =>
        DomainError.Rule("programme.over-contribution", $"This is more than the school's agreed contribution: £{remaining:N2} of it remains.", "FromSchool");

    public static DomainError BudgetBelowSpent(string field, decimal spent) =>
        DomainError.Rule("programme.budget-below-spent", $"The amount cannot be less than the £{spent:N2} already spent from it.", field);

    public static DomainError Amount(string field, string what) =>
        new("programme.amount", $"{what} must be £0 or more, in pounds and pence.", field);

    public static DomainError NoThreeTermFlag =>
        DomainError.Rule("programme.no-warning-flag", "A warning notice can be drafted only after three terms with insufficient progress recorded at programme meetings.");

    public static DomainError WarningNoticePending =>
        DomainError.Rule("programme.warning-pending", "A warning notice for this case is already being drafted or approved.");

    public static DomainError WarningNoticeStatus(string doing, WarningNoticeStatus status) =>
        DomainError.Rule("programme.warning-status", $"You cannot {doing} a warning notice that is {status.ToString().ToLowerInvariant()}.");

    public static DomainError PowerAlreadyApproved =>
        DomainError.Rule("programme.power-approved", "This use of a statutory power has already been approved.");

    public static DomainError PowerNotApproved =>
        DomainError.Rule("programme.power-not-approved", "Record the outcome only after the SMT has approved the use of the power.");

    public static DomainError WarningNoticeIsIssuedThroughItsOwnSteps =>
        new("programme.power-warning", "A warning notice is drafted, approved and issued on the warning notice page, not recorded here.", "Power");

    public static DomainError NotInMonitoring =>
        DomainError.Rule("programme.not-monitoring", "Monitoring visits are recorded once the case is in post-exit monitoring.");
}
