using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>The school's records at each stage: kept by the school's staff (or the coordinator with them).</summary>
public sealed partial class HealthySchoolEngagement
{
    public GroupMember AddMember(string name, string groupRole, GroupRepresentation represents, int? partnerId, Actor actor)
    {
        RequireRole(actor, "change the development group");
        var member = new GroupMember(Next(_members.Select(m => m.Number)), name, groupRole, represents, partnerId);
        _members.Add(member);
        return member;
    }

    public void RemoveMember(int number, Actor actor)
    {
        RequireRole(actor, "change the development group");
        if (_members.RemoveAll(m => m.Number == number) == 0) throw new DomainException(HealthySchoolsErrors.NotFound("group member"));
    }

    public void SetKeyTasks(string keyTasks, Actor actor)
    {
        RequireRole(actor, "change the development group");
        KeyTasks = TextFields.Required(keyTasks, nameof(KeyTasks), "Enter the group's key tasks");
    }

    /// <summary>The school shares another school's development group (a cluster's group), or stops sharing (null).</summary>
    public void ShareGroupOf(int? urn, Actor actor)
    {
        RequireRole(actor, "change the development group");
        if (urn == Urn) throw new DomainException(new DomainError("healthy.share-self", "Choose another school of the cluster.", "SharedGroupUrn"));
        SharedGroupUrn = urn;
    }

    public void RecordNeedsAnalysis(string notes, Actor actor)
    {
        RequireRole(actor, "record the needs analysis");
        RequireStage("record the needs analysis", EnhancementStage.NeedsAnalysis);
        NeedsAnalysisNotes = TextFields.Required(notes, nameof(NeedsAnalysisNotes), "Enter what the needs analysis found");
    }

    public HealthPriority AddPriority(PriorityKind kind, string title, string indicatorId, int? localPriorityId, Actor actor)
    {
        RequireRole(actor, "choose a priority");
        RequireStage("choose a priority", EnhancementStage.Priorities);
        if (CurrentPriorities.Any(p => p.Kind == kind))
            throw new DomainException(DomainError.Rule("healthy.priority-taken", $"The school already has its {kind.Describe().ToLowerInvariant()}: remove it first to choose another."));
        var priority = new HealthPriority(Next(_priorities.Select(p => p.Number)), Cycle, kind, title, indicatorId, localPriorityId);
        _priorities.Add(priority);
        return priority;
    }

    public void RemovePriority(int number, Actor actor)
    {
        RequireRole(actor, "change the priorities");
        RequireStage("change the priorities", EnhancementStage.Priorities);
        if (_priorities.RemoveAll(p => p.Number == number && p.Cycle == Cycle) == 0) throw new DomainException(HealthySchoolsErrors.NotFound("priority"));
    }

    /// <summary>
    /// The school says that no service or partner is available to work with on one of its current priorities, saying
    /// what it looked for; an empty note withdraws it (a service was found).
    /// </summary>
    public void ReportNoService(int priorityNumber, string? note, Actor actor)
    {
        RequireRole(actor, "say no service is available for a priority");
        var priority = CurrentPriorities.FirstOrDefault(p => p.Number == priorityNumber) ?? throw new DomainException(HealthySchoolsErrors.NotFound("priority"));
        priority.ReportNoService(note);
    }

    /// <summary>
    /// Adds a meaningful outcome to a priority. For an outcome tied to an indicator the caller passes the baseline the
    /// data gives (<paramref name="dataBaseline"/>, with its year); the school's own baseline is used otherwise.
    /// </summary>
    public MeaningfulOutcome AddOutcome(int priorityNumber, OutcomeKind kind, string description, string? targetGroup, string? indicatorId, PupilGroup? pupilGroup,
        double? baseline, (double Value, int Year)? dataBaseline, double target, DateOnly byWhen, string evidencedBy, Actor actor, DateOnly today)
    {
        RequireRole(actor, "set a meaningful outcome");
        RequireStage("set a meaningful outcome", EnhancementStage.Outcomes);
        if (!CurrentPriorities.Any(p => p.Number == priorityNumber)) throw new DomainException(HealthySchoolsErrors.NotFound("priority"));
        if (CurrentOutcomes.Any(o => o.PriorityNumber == priorityNumber && o.Kind == kind))
            throw new DomainException(DomainError.Rule("healthy.outcome-taken", $"This priority already has its {kind.Describe().ToLowerInvariant()} outcome."));
        if (byWhen <= today) throw new DomainException(new DomainError("healthy.by-when", "The date the outcome is to be met by must be in the future", "ByWhen"));
        var outcome = new MeaningfulOutcome(Next(_outcomes.Select(o => o.Number)), priorityNumber, kind, description, targetGroup, indicatorId, pupilGroup,
            indicatorId is null ? baseline : null, target, byWhen, evidencedBy);
        if (outcome.IsTiedToIndicator && dataBaseline is { } data) outcome.SetBaseline(data.Value, data.Year);
        _outcomes.Add(outcome);
        return outcome;
    }

    public void RemoveOutcome(int number, Actor actor)
    {
        RequireRole(actor, "change the meaningful outcomes");
        RequireStage("change the meaningful outcomes", EnhancementStage.Outcomes);
        if (_outcomes.RemoveAll(o => o.Number == number && o.State == OutcomeState.Open) == 0) throw new DomainException(HealthySchoolsErrors.NotFound("outcome"));
        _successIndicators.RemoveAll(i => i.OutcomeNumber == number);
    }

    /// <summary>Records the baseline of an outcome the data does not measure (stage 5).</summary>
    public void RecordBaseline(int outcomeNumber, double baseline, Actor actor)
    {
        RequireRole(actor, "record a baseline");
        RequireStage("record a baseline", EnhancementStage.Outcomes, EnhancementStage.BaselinesAndActivities);
        var outcome = CurrentOutcomes.FirstOrDefault(o => o.Number == outcomeNumber) ?? throw new DomainException(HealthySchoolsErrors.NotFound("outcome"));
        if (outcome.IsTiedToIndicator)
            throw new DomainException(DomainError.Rule("healthy.baseline-from-data", "This outcome's baseline comes from the data SchoolSight holds."));
        outcome.SetBaseline(baseline, null);
    }

    public EarlySuccessIndicator AddSuccessIndicator(string description, DateOnly timescale, SuccessIndicatorKind kind, int? outcomeNumber, Actor actor)
    {
        RequireRole(actor, "set an early success indicator");
        RequireStage("set an early success indicator", EnhancementStage.Outcomes);
        if (outcomeNumber is { } n && !CurrentOutcomes.Any(o => o.Number == n)) throw new DomainException(HealthySchoolsErrors.NotFound("outcome"));
        var indicator = new EarlySuccessIndicator(Next(_successIndicators.Select(i => i.Number)), description, timescale, kind, outcomeNumber);
        _successIndicators.Add(indicator);
        return indicator;
    }

    /// <summary>Records whether an early success indicator was met, with the evidence and the date (stages 6 to 8).</summary>
    public void AssessSuccessIndicator(int number, bool met, string evidence, DateOnly on, Actor actor, DateOnly today)
    {
        RequireRole(actor, "record an early success indicator");
        RequireStage("record an early success indicator", EnhancementStage.Implementation, EnhancementStage.Monitoring, EnhancementStage.Review);
        if (on > today) throw new DomainException(new DomainError("healthy.future", "The date must be today or in the past", "AssessedOn"));
        SuccessIndicator(number).Assess(met, evidence, on);
    }

    /// <summary>Changes an early success indicator during delivery; the old version is kept.</summary>
    public void ChangeSuccessIndicator(int number, string description, DateOnly timescale, string reason, Actor actor, DateOnly today)
    {
        RequireRole(actor, "change an early success indicator");
        RequireStage("change an early success indicator", EnhancementStage.BaselinesAndActivities, EnhancementStage.Implementation, EnhancementStage.Monitoring);
        SuccessIndicator(number).Change(description, timescale, reason, actor.Name, today);
    }

    public HealthActivity AddActivity(string description, ActivityReach reach, string? targetGroup, int? partnerId, Actor actor)
    {
        RequireRole(actor, "plan an activity");
        RequireStage("plan an activity", EnhancementStage.BaselinesAndActivities, EnhancementStage.Implementation);
        var activity = new HealthActivity(Next(_activities.Select(a => a.Number)), description, reach, targetGroup, partnerId);
        _activities.Add(activity);
        return activity;
    }

    /// <summary>A move of an outcome's review at stage 8 (<see cref="OutcomeReview"/>): sent as met, confirmed, or asked about.</summary>
    public void Review(int outcomeNumber, OutcomeMove move, OutcomeMoveContext context)
    {
        var outcome = CurrentOutcomes.FirstOrDefault(o => o.Number == outcomeNumber) ?? throw new DomainException(HealthySchoolsErrors.NotFound("outcome"));
        var about = AboutOutcome(outcomeNumber);
        if (move == OutcomeMove.SendAsMet && LastAbout(about)?.Kind == QuasEntryKind.AskedForClarification)
            throw new DomainException(DomainError.Rule("healthy.unanswered", "Answer the QUAS's request for clarification before sending the outcome again.", "Answer"));
        OutcomeReview.Workflow.Fire(outcome, move, context with { AtReview = Stage == EnhancementStage.Review }, s => outcome.State = s);
        var by = context.Actor;
        switch (move)
        {
            case OutcomeMove.SendAsMet:
                outcome.SelfValidate(context.Evidence!.Trim(), context.CurrentFigure, context.At);
                _exchange.Add(new QuasEntry(QuasEntryKind.Submitted, about, by.Name, by.Role, context.At, context.Evidence.Trim()));
                break;
            case OutcomeMove.Confirm:
                outcome.Confirm(context.Today, by.Name);
                _exchange.Add(new QuasEntry(QuasEntryKind.Approved, about, by.Name, by.Role, context.At, Trim(context.Reason)));
                break;
            case OutcomeMove.AskForClarification:
                _exchange.Add(new QuasEntry(QuasEntryKind.AskedForClarification, about, by.Name, by.Role, context.At, Trim(context.Reason)));
                break;
        }
    }

    public static string AboutOutcome(int number) => $"outcome {number}";

    private EarlySuccessIndicator SuccessIndicator(int number) =>
        _successIndicators.FirstOrDefault(i => i.Number == number) ?? throw new DomainException(HealthySchoolsErrors.NotFound("early success indicator"));
}
