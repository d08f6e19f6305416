using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>Programme meetings, funding, warning notices and statutory powers of a case.</summary>
public sealed partial class ImprovingOutcomesCase
{
    private static readonly CaseState[] Running = [CaseState.BaselineRecorded, CaseState.Active];

    /// <summary>Schedules a programme meeting (every two months, at the school wherever possible).</summary>
    public ProgrammeMeeting ScheduleMeeting(DateOnly? scheduledFor, string venue, bool atSchool, string? notAtSchoolReason, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "schedule a programme meeting");
        RequireState("schedule a programme meeting", Running);
        if (scheduledFor is not { } day) throw new DomainException(ProgrammeErrors.Required("ScheduledFor", "Enter the date of the meeting"));
        if (day < today) throw new DomainException(new DomainError("programme.meeting-past", "Schedule the meeting for today or a later date.", "ScheduledFor"));
        var meeting = new ProgrammeMeeting(day, venue, atSchool, notAtSchoolReason);
        _meetings.Add(meeting);
        return meeting;
    }

    public ProgrammeMeeting Meeting(int meetingId) =>
        _meetings.FirstOrDefault(m => m.Id == meetingId)
        ?? throw new DomainException(DomainError.NotFound("programme.unknown-meeting", "That meeting is not part of this case."));

    public void RecordAgendaSent(int meetingId, DateOnly? sentOn, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record that the agenda was sent");
        Meeting(meetingId).RecordAgendaSent(sentOn, today);
    }

    /// <summary>The management group's progress report before a programme meeting, its evidence linked to this case's plan.</summary>
    public void SubmitProgressReport(int meetingId, string summary, string? partnershipWork, IReadOnlyList<(int PlanActionId, string Evidence)> evidence, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "submit a progress report");
        RequireState("submit a progress report", Running);
        var items = evidence.Where(e => e.PlanActionId != 0 || !string.IsNullOrWhiteSpace(e.Evidence)).ToList();
        if (items.Any(e => _planActions.All(a => a.Id != e.PlanActionId))) throw new DomainException(ProgrammeErrors.UnknownAction);
        Meeting(meetingId).SubmitProgressReport(summary, partnershipWork, items.Select(e => new ProgressEvidence(e.PlanActionId, e.Evidence)).ToList(), today, actor.Name);
    }

    public void RecordMeetingHeld(int meetingId, DateOnly? heldOn, string attendance, string decisions, string? revised, ProgressJudgement? judgement, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record a programme meeting");
        RequireState("record a programme meeting", Running);
        Meeting(meetingId).RecordHeld(heldOn, attendance, decisions, revised, judgement, today);
    }

    public void RecordMinutes(int meetingId, DateOnly? circulatedOn, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record that the minutes were circulated");
        Meeting(meetingId).RecordMinutesCirculated(circulatedOn, today);
    }

    public void RecordSipAgreement(int meetingId, bool? agrees, string? comment, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Sips, actor, "record the SIP's agreement with a progress judgement");
        Meeting(meetingId).RecordSipAgreement(agrees, comment, actor.Name, today);
    }

    public void RecordProfessionalsMeeting(int meetingId, DateOnly? heldOn, string notes, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record a professionals' meeting");
        Meeting(meetingId).RecordProfessionalsMeeting(heldOn, notes, today);
    }

    /// <summary>The school reports the meeting's outcome to its full governing body; the feedback comes back to the next meeting (seed 004, 7.5).</summary>
    public void RecordGoverningBodyReport(int meetingId, DateOnly? reportedOn, string? feedback, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "record the report to the governing body");
        Meeting(meetingId).RecordGoverningBodyReport(reportedOn, feedback, today);
    }

    // ----- Funding (seed 004, 5.4) -----

    public decimal SpentFromProgramme => _spending.Sum(s => s.FromProgramme);
    public decimal SpentFromSchool => _spending.Sum(s => s.FromSchool);
    public decimal TotalSpent => _spending.Sum(s => s.Total);
    public decimal? ProgrammeRemaining => ProgrammeBudget - SpentFromProgramme;
    public decimal? SchoolContributionRemaining => SchoolContribution - SpentFromSchool;

    /// <summary>Agrees the programme budget and the school's own contribution; neither may fall below what is already spent from it.</summary>
    public void SetBudget(decimal? programmeBudget, decimal? schoolContribution, Actor actor)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "agree the programme budget");
        RequireState("agree the programme budget", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        var budget = Money(programmeBudget, "ProgrammeBudget", "The programme budget", required: true)!.Value;
        var contribution = Money(schoolContribution, "SchoolContribution", "The school's contribution", required: false) ?? 0m;
        if (budget < SpentFromProgramme) throw new DomainException(ProgrammeErrors.BudgetBelowSpent("ProgrammeBudget", SpentFromProgramme));
        if (contribution < SpentFromSchool) throw new DomainException(ProgrammeErrors.BudgetBelowSpent("SchoolContribution", SpentFromSchool));
        ProgrammeBudget = budget;
        SchoolContribution = contribution;
    }

    /// <summary>
    /// Records spending against an agreed action: refused when the parts do not add up to the total, when it would
    /// overspend the programme budget, or when it is more than is left of the school's contribution.
    /// </summary>
    public SpendingLine AddSpending(int planActionId, string description, DateOnly? spentOn, decimal? total, decimal? fromProgramme, decimal? fromSchool, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record spending");
        RequireState("record spending", CaseState.BaselineRecorded, CaseState.Active);
        if (ProgrammeBudget is not { } budget) throw new DomainException(ProgrammeErrors.NoBudget);
        if (_planActions.All(a => a.Id != planActionId)) throw new DomainException(ProgrammeErrors.UnknownAction);
        var day = Text.NotFuture(spentOn, today, "SpentOn", "The day of the spending", "Enter the day the money was spent or committed");
        var t = Money(total, "Total", "The total", required: true)!.Value;
        var p = Money(fromProgramme, "FromProgramme", "The amount from the programme budget", required: false) ?? 0m;
        var s = Money(fromSchool, "FromSchool", "The amount from the school's budget", required: false) ?? 0m;
        if (t == 0) throw new DomainException(new DomainError("programme.amount-zero", "Enter a total of more than £0.", "Total"));
        if (p + s != t) throw new DomainException(ProgrammeErrors.Unbalanced(t, p, s));
        if (SpentFromProgramme + p > budget) throw new DomainException(ProgrammeErrors.Overspend(budget - SpentFromProgramme));
        if (SpentFromSchool + s > (SchoolContribution ?? 0m)) throw new DomainException(ProgrammeErrors.OverContribution((SchoolContribution ?? 0m) - SpentFromSchool));
        var line = new SpendingLine(planActionId, description, day, t, p, s, actor.Name);
        _spending.Add(line);
        return line;
    }

    private static decimal? Money(decimal? value, string field, string what, bool required)
    {
        if (value is null)
            return required ? throw new DomainException(ProgrammeErrors.Required(field, $"Enter {what.ToLowerInvariant()}")) : null;
        if (value < 0 || decimal.Round(value.Value, 2) != value || value > 100_000_000m) throw new DomainException(ProgrammeErrors.Amount(field, what));
        return value;
    }

    // ----- Warning notices and statutory powers -----

    /// <summary>Drafts a warning notice from the template: only after three terms with insufficient progress recorded.</summary>
    public WarningNotice DraftWarningNotice(string grounds, string requiredActions, DateOnly? complyBy, string letter, Actor actor, DateTime at, DateOnly today, TermCalendar calendar)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "draft a warning notice");
        RequireState("draft a warning notice", CaseState.Active);
        if (!ThreeTermsRule.Evaluate(this, calendar, today).Flagged) throw new DomainException(ProgrammeErrors.NoThreeTermFlag);
        if (_warningNotices.Any(w => w.Status != WarningNoticeStatus.Issued)) throw new DomainException(ProgrammeErrors.WarningNoticePending);
        if (complyBy is not { } by) throw new DomainException(ProgrammeErrors.Required("ComplyBy", "Enter the date by which the governing body must comply"));
        if (by <= today) throw new DomainException(new DomainError("programme.comply-by", "The date to comply by must be in the future.", "ComplyBy"));
        var notice = new WarningNotice(grounds, requiredActions, by, letter, actor, at);
        _warningNotices.Add(notice);
        return notice;
    }

    public WarningNotice WarningNotice(int noticeId) =>
        _warningNotices.FirstOrDefault(w => w.Id == noticeId)
        ?? throw new DomainException(DomainError.NotFound("programme.unknown-notice", "That warning notice is not part of this case."));

    /// <summary>
    /// Issues an approved notice; the issue is also recorded as the use of the first statutory power, dated on the LA's
    /// dates of the draft and the approval (<paramref name="laDateOf"/>).
    /// </summary>
    public void IssueWarningNotice(int noticeId, byte[] pdf, MoveContext context, Func<DateTime, DateOnly> laDateOf)
    {
        var notice = WarningNotice(noticeId);
        notice.Issue(context, pdf);
        var use = new StatutoryPowerUse(StatutoryPower.WarningNotice, laDateOf(notice.DraftedAt), notice.Grounds, notice.DraftedBy);
        use.ApprovedWith(notice.ApprovedBy!, laDateOf(notice.ApprovedAt!.Value));
        _powers.Add(use);
    }

    /// <summary>Proposes the use of a statutory power other than a warning notice, for the SMT to approve.</summary>
    public StatutoryPowerUse ProposePower(StatutoryPower power, string rationale, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "propose the use of a statutory power");
        RequireState("propose the use of a statutory power", CaseState.Active);
        if (power == StatutoryPower.WarningNotice) throw new DomainException(ProgrammeErrors.WarningNoticeIsIssuedThroughItsOwnSteps);
        var use = new StatutoryPowerUse(power, today, rationale, actor.Name);
        _powers.Add(use);
        return use;
    }

    public StatutoryPowerUse Power(int useId) =>
        _powers.FirstOrDefault(p => p.Id == useId)
        ?? throw new DomainException(DomainError.NotFound("programme.unknown-power", "That use of a power is not part of this case."));
}
