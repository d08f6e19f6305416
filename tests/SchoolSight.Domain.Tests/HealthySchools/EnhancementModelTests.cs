using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Tests.HealthySchools;

public sealed class EnhancementModelTests
{
    public static readonly Actor Head = new("head@demo-borough.example", Role.SchoolUser);
    public static readonly Actor Coordinator = new("healthy@demo-borough.example", Role.HealthySchoolsCoordinator);
    public static readonly Actor Quas = new("quas@demo-borough.example", Role.QuasPanelMember);
    public static readonly Actor Governor = new("governor@demo-borough.example", Role.Governor);
    public static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    public static MoveContext By(Actor actor, string? reason = null) => new(actor, Now, Today, reason);

    /// <summary>A school that achieved the status a month ago: it may join directly.</summary>
    public static readonly JoiningDecision MayJoin =
        JoiningPathways.Decide(HealthySchoolStatus.Achieve(999001, Today.AddMonths(-1), Coordinator, Today), Today, false, new HealthySchoolsSettings());

    public static HealthySchoolEngagement AtStageFour()
    {
        var e = HealthySchoolEngagement.Engage(999001, MayJoin, Head, Today);
        e.AddMember("Pat Chair", "Chair", GroupRepresentation.Staff, null, Head);
        e.AddMember("Year 6 council", "Member", GroupRepresentation.Pupils, null, Head);
        e.AddMember("Sam Parent", "Member", GroupRepresentation.Parents, null, Head);
        e.AddMember("Gray Governor", "Member", GroupRepresentation.Governors, null, Head);
        e.AddMember("Nurse Nia", "Member", GroupRepresentation.Partner, 1, Head);
        e.SetKeyTasks("Lead the needs analysis; choose priorities.", Head);
        e.Apply(EnhancementMove.CompleteDevelopmentGroup, By(Head));
        e.RecordNeedsAnalysis("Physical activity is significantly below England.", Head);
        e.Apply(EnhancementMove.CompleteNeedsAnalysis, By(Head));
        e.AddPriority(PriorityKind.Local, "Reduce childhood obesity", "wellbeing.active", 1, Head);
        e.AddPriority(PriorityKind.School, "Emotional health", "wellbeing.happy", null, Head);
        e.Apply(EnhancementMove.ChoosePriorities, By(Head));
        return e;
    }

    public static HealthySchoolEngagement ReadyToSubmit()
    {
        var e = AtStageFour();
        foreach (var p in e.CurrentPriorities)
        {
            e.AddOutcome(p.Number, OutcomeKind.Quantitative, "More pupils active an hour a day", null, "wellbeing.active", PupilGroup.All, null, (52, 2025), 60, new DateOnly(2028, 7, 1), "Pupil survey", Head, Today);
            e.AddOutcome(p.Number, OutcomeKind.Perception, "Pupils say they enjoy PE", null, null, null, 40, null, 55, new DateOnly(2028, 7, 1), "Pupil voice survey", Head, Today);
            e.AddOutcome(p.Number, OutcomeKind.Targeted, "Girls in Year 6 active", "Year 6 girls", null, null, null, null, 50, new DateOnly(2028, 7, 1), "Club registers", Head, Today);
        }
        e.AddSuccessIndicator("After-school club running with 20 pupils", new DateOnly(2027, 3, 1), SuccessIndicatorKind.Process, null, Head);
        return e;
    }

    [Fact]
    public void Stage1_IsCompletedOnlyWithEveryoneRepresented_AndARefusalListsEveryReason()
    {
        var e = HealthySchoolEngagement.Engage(999001, MayJoin, Head, Today);
        e.Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
        e.AddMember("Pat Chair", "Chair", GroupRepresentation.Staff, null, Head);

        var refused = Should.Throw<DomainException>(() => e.Apply(EnhancementMove.CompleteDevelopmentGroup, By(Head)));
        refused.Errors.Select(x => x.Message).ShouldBe([
            "Add a member who represents pupils.", "Add a member who represents parents and carers.", "Add a member who represents governors.",
            "Add a member who represents a partner from the register.", "Record the group's key tasks."]);
        refused.Errors.ShouldAllBe(x => x.Kind == ErrorKind.Rule);
        e.Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
    }

    [Fact]
    public void AGovernor_OrTheQuas_CannotMoveASchoolOn_AndTheRoleComesFirstAmongTheReasons()
    {
        var e = HealthySchoolEngagement.Engage(999001, MayJoin, Head, Today);
        var errors = EnhancementModel.Workflow.Check(e, EnhancementMove.CompleteDevelopmentGroup, By(Governor));
        errors[0].Kind.ShouldBe(ErrorKind.Forbidden);
        errors.Count.ShouldBeGreaterThan(1);
        Should.Throw<DomainException>(() => HealthySchoolEngagement.Engage(999001, MayJoin, Quas, Today)).Error.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public void AStage_CannotBeSkipped()
    {
        var e = HealthySchoolEngagement.Engage(999001, MayJoin, Head, Today);
        var refused = Should.Throw<DomainException>(() => e.Apply(EnhancementMove.SubmitToQuas, By(Head)));
        refused.Error.Message.ShouldBe("You cannot send the stage 4 form to the QUAS while the school is at stage 1: set up the health and well-being development group.");
        Should.Throw<DomainException>(() => e.AddPriority(PriorityKind.School, "x", "y", null, Head)).Error.Code.ShouldBe("healthy.stage");
    }

    [Fact]
    public void Stage3_NeedsOneLocalAndOneSchoolPriority_EachTiedToAnIndicator()
    {
        var e = HealthySchoolEngagement.Engage(999001, MayJoin, Head, Today);
        e.AddMember("Pat Chair", "Chair", GroupRepresentation.Staff, null, Head);
        foreach (var who in new[] { GroupRepresentation.Pupils, GroupRepresentation.Parents, GroupRepresentation.Governors }) e.AddMember(who.ToString(), "Member", who, null, Head);
        Should.Throw<DomainException>(() => e.AddMember("Nurse", "Member", GroupRepresentation.Partner, null, Head)).Error.Field.ShouldBe("PartnerId");
        e.ShareGroupOf(999002, Head);
        e.Apply(EnhancementMove.CompleteDevelopmentGroup, By(Head));
        e.RecordNeedsAnalysis("Notes", Head);
        e.Apply(EnhancementMove.CompleteNeedsAnalysis, By(Head));

        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.ChoosePriorities, By(Coordinator))).Errors.Select(x => x.Message)
            .ShouldBe(["Choose one local priority from the LA's list.", "Choose the school's own priority and the indicator it is measured by."]);
        Should.Throw<DomainException>(() => e.AddPriority(PriorityKind.Local, "Obesity", "wellbeing.active", null, Head)).Error.Field.ShouldBe("LocalPriorityId");
        e.AddPriority(PriorityKind.School, "Emotional health", "wellbeing.happy", null, Head);
        Should.Throw<DomainException>(() => e.AddPriority(PriorityKind.School, "Another", "wellbeing.happy", null, Head)).Error.Code.ShouldBe("healthy.priority-taken");
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.ChoosePriorities, By(Coordinator))).Errors.Count.ShouldBe(1);
    }

    [Fact]
    public void TheStage4Form_NeedsThreeOutcomesPerPriorityAndEarlySuccessIndicators()
    {
        var e = AtStageFour();
        var p = e.CurrentPriorities.First();
        e.AddOutcome(p.Number, OutcomeKind.Quantitative, "More pupils active", null, null, null, 40, null, 60, new DateOnly(2028, 7, 1), "Survey", Head, Today);
        var refused = Should.Throw<DomainException>(() => e.Apply(EnhancementMove.SubmitToQuas, By(Head)));
        refused.Errors.Select(x => x.Code).ShouldBe(["healthy.outcomes", "healthy.esis"]);
        refused.Errors[0].Message.ShouldBe("Add a qualitative (perception) outcome for \"Reduce childhood obesity\", a targeted outcome for \"Reduce childhood obesity\", " +
            "a quantitative outcome for \"Emotional health\", a qualitative (perception) outcome for \"Emotional health\", a targeted outcome for \"Emotional health\".");
    }

    [Fact]
    public void ATargetedOutcome_NamesItsGroup_AndAnOutcomeTiedToTheData_TakesItsBaselineFromIt()
    {
        var e = AtStageFour();
        var p = e.CurrentPriorities.First().Number;
        Should.Throw<DomainException>(() => e.AddOutcome(p, OutcomeKind.Targeted, "Targeted", null, null, null, 1, null, 2, new DateOnly(2028, 1, 1), "x", Head, Today))
            .Error.Field.ShouldBe("TargetGroup");
        var tied = e.AddOutcome(p, OutcomeKind.Targeted, "FSM pupils active", null, "wellbeing.active", PupilGroup.Fsm, 99, (31.5, 2025), 45, new DateOnly(2028, 1, 1), "Survey", Head, Today);
        (tied.Baseline, tied.BaselineYear, tied.PupilGroup).ShouldBe((31.5, 2025, PupilGroup.Fsm));
        Should.Throw<DomainException>(() => e.RecordBaseline(tied.Number, 20, Head)).Error.Code.ShouldBe("healthy.baseline-from-data");
    }

    [Fact]
    public void TheQuas_AsksForClarification_TheSchoolAnswers_ThenTheQuasApproves_AndNoStage5Before()
    {
        var e = ReadyToSubmit();
        e.Apply(EnhancementMove.SubmitToQuas, By(Head));
        e.Stage.ShouldBe(EnhancementStage.WithQuas);
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.Approve, By(Head))).Error.Kind.ShouldBe(ErrorKind.Forbidden);
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.StartImplementation, By(Head))).Error.Code.ShouldBe("healthy.stage");
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.AskForClarification, By(Quas, " "))).Error.Message.ShouldBe("Say what needs clarifying.");

        e.Apply(EnhancementMove.AskForClarification, By(Quas, "How will the targeted outcome be evidenced?"));
        e.Stage.ShouldBe(EnhancementStage.Outcomes);
        e.AwaitsAnswer.ShouldBeTrue();
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.SubmitToQuas, By(Head))).Error.Code.ShouldBe("healthy.unanswered");
        e.Answer(HealthySchoolEngagement.StageFourForm, "From the club registers, termly.", Head, Now);
        e.Apply(EnhancementMove.SubmitToQuas, By(Head));
        e.Apply(EnhancementMove.Approve, By(Quas, "A clear plan."));

        e.Stage.ShouldBe(EnhancementStage.BaselinesAndActivities);
        e.ApprovedOn.ShouldBe(Today);
        e.Exchange.Select(x => x.Kind).ShouldBe([QuasEntryKind.Submitted, QuasEntryKind.AskedForClarification, QuasEntryKind.Answered, QuasEntryKind.Submitted, QuasEntryKind.Approved]);
    }

    public static HealthySchoolEngagement AtReview()
    {
        var e = ReadyToSubmit();
        e.Apply(EnhancementMove.SubmitToQuas, By(Head));
        e.Apply(EnhancementMove.Approve, By(Quas, "Approved."));
        foreach (var o in e.CurrentOutcomes.Where(o => o.Baseline is null)) e.RecordBaseline(o.Number, 30, Head);
        e.AddActivity("Daily mile", ActivityReach.Universal, null, null, Head);
        e.Apply(EnhancementMove.StartImplementation, By(Head));
        e.Apply(EnhancementMove.StartMonitoring, By(Head));
        e.ChangeSuccessIndicator(1, "After-school club running with 25 pupils", new DateOnly(2027, 4, 1), "More pupils signed up.", Head, Today);
        e.AssessSuccessIndicator(1, true, "Club register", Today, Head, Today);
        e.Apply(EnhancementMove.StartReview, By(Head));
        return e;
    }

    [Fact]
    public void Stage5To8_NeedBaselinesActivitiesAndAssessedIndicators_AndAChangedIndicatorKeepsItsOldVersion()
    {
        var e = ReadyToSubmit();
        e.Apply(EnhancementMove.SubmitToQuas, By(Head));
        e.Apply(EnhancementMove.Approve, By(Quas, "Approved."));
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.StartImplementation, By(Head))).Errors.Select(x => x.Code)
            .ShouldBe(["healthy.baselines", "healthy.activities"]);

        var reviewed = AtReview();
        reviewed.Stage.ShouldBe(EnhancementStage.Review);
        var esi = reviewed.SuccessIndicators.Single();
        (esi.Description, esi.IsMet, esi.Earlier.Single().Description).ShouldBe(("After-school club running with 25 pupils", true, "After-school club running with 20 pupils"));
        reviewed.Barometer.ShouldBe((1, 1));
    }

    [Fact]
    public void AMetOutcome_IsSelfValidatedAndSentToTheQuas_AndAnOutcomeTiedToTheData_IsMetOnlyOnTheFigure()
    {
        var e = AtReview();
        var tied = e.CurrentOutcomes.First(o => o.IsTiedToIndicator);
        OutcomeMoveContext Ctx(Actor a, string? evidence, double? figure, string? reason = null) => new(a, Now, Today, reason, evidence, false, figure);

        Should.Throw<DomainException>(() => e.Review(tied.Number, OutcomeMove.SendAsMet, Ctx(Head, "Survey 2026", 55))).Error.Message
            .ShouldBe("The data shows 55 against a target of 60: the outcome is not met yet.");
        Should.Throw<DomainException>(() => e.Review(tied.Number, OutcomeMove.SendAsMet, Ctx(Head, " ", null))).Errors.Select(x => x.Code)
            .ShouldBe(["healthy.met-evidence", "healthy.no-figure"]);
        e.Review(tied.Number, OutcomeMove.SendAsMet, Ctx(Head, "Survey 2026", 62.5));
        tied.State.ShouldBe(OutcomeState.SubmittedAsMet);
        Should.Throw<DomainException>(() => e.Apply(EnhancementMove.StartNewCycle, By(Head))).Error.Code.ShouldBe("healthy.outcome-waiting");

        e.Review(tied.Number, OutcomeMove.AskForClarification, Ctx(Quas, null, null, "Which year's survey?"));
        Should.Throw<DomainException>(() => e.Review(tied.Number, OutcomeMove.SendAsMet, Ctx(Head, "Survey 2026", 62.5))).Error.Code.ShouldBe("healthy.unanswered");
        e.Answer(HealthySchoolEngagement.AboutOutcome(tied.Number), "The summer 2026 survey.", Head, Now);
        e.Review(tied.Number, OutcomeMove.SendAsMet, Ctx(Head, "Summer 2026 survey", 62.5));
        e.Review(tied.Number, OutcomeMove.Confirm, Ctx(Quas, null, null, "Well evidenced."));
        (tied.State, tied.ConfirmedOn, tied.MetFigure).ShouldBe((OutcomeState.Met, Today, 62.5));

        e.Apply(EnhancementMove.StartNewCycle, By(Head));
        (e.Stage, e.Cycle, e.CurrentPriorities.Count()).ShouldBe((EnhancementStage.NeedsAnalysis, 2, 0));
    }

    [Fact]
    public void TheModel_IsDeclaredOnce_AndDrawsAsADiagram()
    {
        var diagram = EnhancementModel.Diagram();
        foreach (var move in Enum.GetValues<EnhancementMove>()) diagram.ShouldContain(move.ToString());
        EnhancementStages.All.Select(s => s.Number()).ShouldBe(["1", "2", "3", "4", "4b", "5", "6", "7", "8"]);
        EnhancementStage.Review.Phase().ShouldBe(EnhancementPhase.UnderstandingWhatHasChanged);
    }
}
