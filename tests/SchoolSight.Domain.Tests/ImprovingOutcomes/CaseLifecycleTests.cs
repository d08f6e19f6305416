using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Tests.ImprovingOutcomes;

public sealed class CaseLifecycleTests
{
    private static readonly TermCalendar England = EnglandTermDates.Calendar;
    private static readonly Actor Officer = new("mi@demo-borough.example", Role.InterventionOfficer);
    private static readonly Actor Smt = new("smt@demo-borough.example", Role.SeniorManager);
    private static readonly Actor Qa = new("qa@demo-borough.example", Role.QualityAssuranceManager);
    private static readonly Actor Head = new("head@demo-borough.example", Role.SchoolUser);
    private static readonly Actor Sip = new("sip@demo-borough.example", Role.SchoolImprovementPartner);

    private static DateTime At(int y, int m, int d) => new(y, m, d, 10, 0, 0, DateTimeKind.Utc);
    private static CaseMoveContext By(Actor actor, DateTime at, string? reason = "Agreed at the SMT meeting") => new(actor, at, DateOnly.FromDateTime(at), England, reason);

    public static ImprovingOutcomesCase Proposed() =>
        ImprovingOutcomesCase.Propose(999001, SupportTier.Targeted, ConcernGround.StandardsUnacceptablyLow, "KS2 combined below floor for three years.",
            "Morgan Intervention", "mi@demo-borough.example", Officer, At(2025, 9, 8), new DateOnly(2025, 9, 8));

    /// <summary>A case in active support since 15 September 2025, with a plan, a group and one action.</summary>
    public static ImprovingOutcomesCase Active()
    {
        var c = Proposed();
        c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9)));
        c.RecordBaseline(new BaselineAssessment(BaselineSource.OfstedInspection, new DateOnly(2025, 6, 12), "Strong leadership of early years.", "Reading in KS2.", null), By(Officer, At(2025, 9, 10), null));
        c.RecordCommunications(new EntryCommunications { GovernorsToldOn = new(2025, 9, 10), StaffToldOn = new(2025, 9, 11), LaTeamsToldOn = new(2025, 9, 11), ParentsCommunication = "Letter after the autumn half-term." }, Officer, new(2025, 9, 12));
        c.ChoosePlan(PlanKind.RaisingAchievementPlan, "RAP 2025-27", null, Officer);
        c.AddPlanAction("Daily phonics catch-up for Year 3", "Deputy head", new DateOnly(2026, 3, 27), "85% of Year 3 at the expected standard in phonics", Head);
        c.AddMember("Jordan Head", ManagementGroupRole.Headteacher, Head);
        c.AddMember("Gray Governor", ManagementGroupRole.Governor, Head);
        c.Apply(CaseMoveName.StartSupport, By(Officer, At(2025, 9, 15), null));
        return c;
    }

    [Fact]
    public void Entry_IsAgreedOnlyByTheSmt_WithAReason_AndTheDecisionIsKept()
    {
        var c = Proposed();
        var refused = Should.Throw<DomainException>(() => c.Apply(CaseMoveName.AgreeEntry, By(Officer, At(2025, 9, 9))));
        refused.Error.Message.ShouldBe("Only a senior management team member may agree entry to the programme.");
        Should.Throw<DomainException>(() => c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9), " "))).Error.Message.ShouldBe("Give the reason for this decision.");
        c.State.ShouldBe(CaseState.Proposed);

        c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9)));
        c.State.ShouldBe(CaseState.EntryAgreed);
        c.EntryAgreedOn.ShouldBe(new DateOnly(2025, 9, 9));
        c.Decisions.Last().Decision.ShouldBe(new Decision("smt@demo-borough.example", Role.SeniorManager, At(2025, 9, 9), "Agreed at the SMT meeting"));
    }

    [Fact]
    public void AnIllegalMove_IsRefusedWithTheReason()
    {
        var c = Proposed();
        var e = Should.Throw<DomainException>(() => c.Apply(CaseMoveName.AgreeExit, By(Smt, At(2025, 9, 9))));
        e.Error.Message.ShouldBe("You cannot agree the school's exit from the programme while the case is at \"Entry proposed\".");
        Should.Throw<DomainException>(() => c.Apply(CaseMoveName.Close, By(Qa, At(2025, 9, 9)))).Error.Code.ShouldBe("programme.state");
    }

    [Fact]
    public void StartingSupport_NeedsCommunications_APlan_MeasurableActions_AndTheManagementGroup_AllListed()
    {
        var c = Proposed();
        c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9)));
        c.RecordBaseline(new BaselineAssessment(BaselineSource.CommissionedReview, new DateOnly(2025, 7, 1), "Behaviour.", "Maths.", "Review by Demo Associates"), By(Officer, At(2025, 9, 10), null));
        var e = Should.Throw<DomainException>(() => c.Apply(CaseMoveName.StartSupport, By(Officer, At(2025, 9, 15), null)));
        e.Errors.Select(x => x.Code).ShouldBe(["programme.not-communicated", "programme.no-plan", "programme.no-actions", "programme.no-group"]);
        c.State.ShouldBe(CaseState.BaselineRecorded);
    }

    [Fact]
    public void AnOldBaseline_IsRefused_AndNotKept()
    {
        var c = Proposed();
        c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9)));
        var e = Should.Throw<DomainException>(() => c.RecordBaseline(new BaselineAssessment(BaselineSource.OfstedInspection, new DateOnly(2024, 1, 10), "x", "y", null), By(Officer, At(2025, 9, 10), null)));
        e.Error.Message.ShouldBe("The baseline assessment must be recent: dated within the last 12 months.");
        c.Baseline.ShouldBeNull();
    }

    [Fact]
    public void ActionsNeedMeasurableSuccessCriteria()
    {
        var c = Proposed();
        c.Apply(CaseMoveName.AgreeEntry, By(Smt, At(2025, 9, 9)));
        Should.Throw<DomainException>(() => c.AddPlanAction("Improve reading", "Head", new DateOnly(2026, 1, 1), "Reading gets better", Officer))
            .Error.Code.ShouldBe("programme.not-measurable");
        Should.Throw<DomainException>(() => c.AddPlanAction("Improve reading", "Head", new DateOnly(2026, 1, 1), "80% reach ARE", new Actor("gov", Role.Governor)))
            .Error.Code.ShouldBe("programme.role");
    }

    [Fact]
    public void Tiers_MoveBothWays_WithAReason()
    {
        var c = Active();
        c.Tier.ShouldBe(SupportTier.Targeted);
        Should.Throw<DomainException>(() => c.Apply(CaseMoveName.MoveToTargetedSupport, By(Officer, At(2025, 10, 1))));
        c.Apply(CaseMoveName.MoveToIntensiveSupport, By(Officer, At(2025, 10, 1), "Insufficient progress in tier 1."));
        c.Tier.ShouldBe(SupportTier.Intensive);
        c.State.ShouldBe(CaseState.Active);
        c.Apply(CaseMoveName.MoveToTargetedSupport, By(Officer, At(2026, 2, 1), "Improvement sustained."));
        c.Tier.ShouldBe(SupportTier.Targeted);
    }

    [Fact]
    public void TheWholeLife_ExitNeedsAStrategyAndSmt_AndClosingNeedsMonitoringVisitsInTwoTerms()
    {
        var c = Active();
        var meeting = c.ScheduleMeeting(new DateOnly(2025, 11, 12), "Ashcombe Nursery School", true, null, Officer, new DateOnly(2025, 9, 20));
        meeting.RecordHeld(new DateOnly(2025, 11, 12), "Head, chair of governors, M&I officer, SIP", "Continue phonics plan.", null, ProgressJudgement.Sufficient, new DateOnly(2025, 11, 12));
        Should.Throw<DomainException>(() => c.Apply(CaseMoveName.AgreeExit, By(Smt, At(2026, 6, 1)))).Error.Code.ShouldBe("programme.no-exit-strategy");
        c.RecordExitStrategy(new ExitStrategy("Termly SIP visits; RAP continues.", new DateOnly(2026, 5, 20), "Sidney Partner (SIP)", null), Officer, new DateOnly(2026, 5, 21));
        c.Apply(CaseMoveName.AgreeExit, By(Smt, At(2026, 6, 1)));
        c.Apply(CaseMoveName.BeginMonitoring, By(Officer, At(2026, 6, 2), null));

        c.RecordMonitoringVisit(new DateOnly(2026, 10, 5), "Phonics results held up.", true, Sip, new DateOnly(2026, 10, 5));
        var early = Should.Throw<DomainException>(() => c.Apply(CaseMoveName.Close, By(Qa, At(2026, 12, 1), null)));
        early.Error.Message.ShouldBe("Termly monitoring continues for at least two terms after exit: record a monitoring visit in the Spring term 2027 (2026/27).");
        c.RecordMonitoringVisit(new DateOnly(2027, 2, 3), "Sustained.", true, Officer, new DateOnly(2027, 2, 3));
        c.Apply(CaseMoveName.Close, By(Qa, At(2027, 2, 4), null));
        c.State.ShouldBe(CaseState.Closed);
        c.ClosedOn.ShouldBe(new DateOnly(2027, 2, 4));
        c.Decisions.Select(d => d.Move).ShouldBe([CaseMoveName.ProposeEntry, CaseMoveName.AgreeEntry, CaseMoveName.RecordBaseline, CaseMoveName.StartSupport, CaseMoveName.AgreeExit, CaseMoveName.BeginMonitoring, CaseMoveName.Close]);
    }

    [Fact]
    public void Spending_ThatDoesNotBalance_OrOverspends_IsRefusedWithTheReason()
    {
        var c = Active();
        c.SetBudget(5000m, 1000m, Officer);
        var action = c.PlanActions[0];
        Should.Throw<DomainException>(() => c.AddSpending(action.Id, "Phonics training", new DateOnly(2025, 10, 1), 1200m, 1000m, 100m, Officer, new DateOnly(2025, 10, 2)))
            .Error.Message.ShouldBe("The line does not balance: £1,000.00 from the programme and £100.00 from the school's own budget make £1,100.00, not the total of £1,200.00.");
        c.AddSpending(action.Id, "Phonics training", new DateOnly(2025, 10, 1), 4500m, 4000m, 500m, Officer, new DateOnly(2025, 10, 2));
        Should.Throw<DomainException>(() => c.AddSpending(action.Id, "Books", new DateOnly(2025, 10, 1), 1500m, 1500m, 0m, Officer, new DateOnly(2025, 10, 2)))
            .Error.Message.ShouldBe("This would overspend the programme budget: £1,000.00 remains.");
        Should.Throw<DomainException>(() => c.AddSpending(action.Id, "Supply cover", new DateOnly(2025, 10, 1), 600m, 0m, 600m, Officer, new DateOnly(2025, 10, 2)))
            .Error.Code.ShouldBe("programme.over-contribution");
        Should.Throw<DomainException>(() => c.SetBudget(3000m, 1000m, Officer)).Error.Code.ShouldBe("programme.budget-below-spent");
        c.Spending.Count.ShouldBe(1);
        c.ProgrammeRemaining.ShouldBe(1000m);
        c.SchoolContributionRemaining.ShouldBe(500m);
    }

    [Fact]
    public void TheWarningNoticeFlag_RisesAfterThreeTermsOfInsufficientProgress_AndTheNoticeNeedsSmtApproval()
    {
        var c = Active();
        foreach (var (scheduled, judgement) in new[] { (new DateOnly(2025, 11, 12), ProgressJudgement.Insufficient), (new DateOnly(2026, 2, 4), ProgressJudgement.Insufficient), (new DateOnly(2026, 5, 13), ProgressJudgement.Insufficient) })
        {
            var m = c.ScheduleMeeting(scheduled, "At the school", true, null, Officer, scheduled.AddDays(-30));
            m.RecordHeld(scheduled, "Head, chair, M&I", "Decisions", null, judgement, scheduled);
        }
        ThreeTermsRule.Evaluate(c, England, new DateOnly(2026, 7, 1)).Flagged.ShouldBeFalse(); // summer term not over
        Should.Throw<DomainException>(() => c.DraftWarningNotice("g", "a", new DateOnly(2026, 9, 30), "letter", Officer, At(2026, 7, 1), new DateOnly(2026, 7, 1), England)).Error.Code.ShouldBe("programme.no-warning-flag");
        var result = ThreeTermsRule.Evaluate(c, England, new DateOnly(2026, 7, 23));
        result.Flagged.ShouldBeTrue();
        result.Explanation.ShouldContain("Autumn term 2025 (2025/26), Spring term 2026 (2025/26), Summer term 2026 (2025/26)");

        var notice = c.DraftWarningNotice("Standards remain low.", "Appoint a maths lead.", new DateOnly(2026, 10, 30), "Dear Chair", Officer, At(2026, 7, 23), new DateOnly(2026, 7, 23), England);
        Should.Throw<DomainException>(() => notice.Approve(By(Officer, At(2026, 7, 24), null))).Error.Code.ShouldBe("programme.role");
        Should.Throw<DomainException>(() => notice.Issue(By(Officer, At(2026, 7, 24), null), [1])).Error.Code.ShouldBe("programme.warning-status");
        notice.Approve(By(Smt, At(2026, 7, 24), "Approved"));
        c.IssueWarningNotice(notice.Id, [37, 80, 68, 70], By(Officer, At(2026, 7, 25), null), DateOnly.FromDateTime);
        notice.Status.ShouldBe(WarningNoticeStatus.Issued);
        c.Powers.Single().Power.ShouldBe(StatutoryPower.WarningNotice);
        c.Powers.Single().ApprovedBy.ShouldBe(Smt.Name);
    }

    [Fact]
    public void OneJudgementThatIsNotInsufficient_KeepsTheFlagDown()
    {
        var c = Active();
        foreach (var (scheduled, judgement) in new[] { (new DateOnly(2025, 11, 12), ProgressJudgement.Insufficient), (new DateOnly(2026, 2, 4), ProgressJudgement.Sufficient), (new DateOnly(2026, 5, 13), ProgressJudgement.Insufficient) })
        {
            var m = c.ScheduleMeeting(scheduled, "At the school", true, null, Officer, scheduled.AddDays(-30));
            m.RecordHeld(scheduled, "Head", "Decisions", null, judgement, scheduled);
        }
        ThreeTermsRule.Evaluate(c, England, new DateOnly(2026, 9, 1)).Flagged.ShouldBeFalse();
    }

    [Fact]
    public void TheLifecycle_IsDeclaredOnce_AndDrawsAsADiagram()
    {
        var dot = CaseLifecycle.Diagram();
        foreach (var state in Enum.GetValues<CaseState>()) dot.ShouldContain(state.ToString());
        CaseLifecycle.Moves.Select(m => m.Name).Distinct().Count().ShouldBe(CaseLifecycle.Moves.Count);
        CaseLifecycle.Moves.ShouldAllBe(m => m.Roles.Count > 0);
    }

    [Fact]
    public void Deadlines_OfAnActiveCase_FollowTheCalendar()
    {
        var c = Active();
        var m = c.ScheduleMeeting(new DateOnly(2025, 11, 5), "At the school", true, null, Officer, new DateOnly(2025, 9, 20));
        var deadlines = ProgrammeDeadlines.For(c, England);
        deadlines.Single(d => d.Kind == DeadlineKind.Agenda).DueOn.ShouldBe(new DateOnly(2025, 10, 24)); // 29 Oct is in half-term
        deadlines.ShouldNotContain(d => d.Kind == DeadlineKind.ProgrammeMeeting); // one is scheduled within two months
        deadlines.Single(d => d.Kind == DeadlineKind.ManagementGroupMeeting).DueOn.ShouldBe(new DateOnly(2025, 10, 15));
        Should.Throw<DomainException>(() => c.ScheduleMeeting(new DateOnly(2025, 12, 1), "Civic Centre", false, null, Officer, new DateOnly(2025, 9, 20))).Error.Code.ShouldBe("programme.venue-reason");
        m.RecordHeld(new DateOnly(2025, 11, 5), "Head", "Decisions", null, ProgressJudgement.Good, new DateOnly(2025, 11, 5));
        var after = ProgrammeDeadlines.For(c, England);
        after.Single(d => d.Kind == DeadlineKind.Minutes).DueOn.ShouldBe(new DateOnly(2025, 11, 12));
        after.Single(d => d.Kind == DeadlineKind.ProgrammeMeeting).DueOn.ShouldBe(new DateOnly(2026, 1, 5));
    }
}
