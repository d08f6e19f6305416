using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's Improving Outcomes Programme: four cases at different stages, dated relative to today so their
/// deadlines are live — an active tier 2 case at the demo head's school (case 1), a proposal awaiting the SMT,
/// a case whose entry is agreed and awaits its baseline, and a school in post-exit monitoring.
/// </summary>
public static class ProgrammeDemo
{
    private static readonly Actor Officer = new($"mi@{DemoSeeder.EmailDomain}", Role.InterventionOfficer);
    private static readonly Actor Smt = new($"smt@{DemoSeeder.EmailDomain}", Role.SeniorManager);
    private static readonly Actor Head = new($"head@{DemoSeeder.EmailDomain}", Role.SchoolUser);
    private static readonly Actor Sip = new($"sip@{DemoSeeder.EmailDomain}", Role.SchoolImprovementPartner);

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        DateTime At(int daysAgo) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);
        CaseMoveContext By(Actor actor, int daysAgo, string? reason = null) => new(actor, At(daysAgo), Day(daysAgo), calendar, reason);

        // 1. Active, tier 2, at the demo head's school.
        var active = ImprovingOutcomesCase.Propose(DemoSeeder.DemoHeadSchoolUrn, SupportTier.Targeted, ConcernGround.ManagementOrGovernanceBreakdown,
            "Leadership capacity stretched after two senior leaders left; the school improvement partner judges the school to require improvement, while the school judged itself good last year.",
            "Morgan Intervention", Officer.Name, Officer, At(130), Day(130));
        active.Apply(CaseMoveName.AgreeEntry, By(Smt, 126, "SMT agreed entry on the SIP's judgement and the school's loss of senior leaders."));
        active.RecordBaseline(new BaselineAssessment(BaselineSource.CommissionedReview, Day(140),
            "Caring ethos; strong relationships with families; good provision for two-year-olds.",
            "Phonics and early reading; assessment in the Reception year; governors' challenge of outcomes.", "Demo Associates review, spring visit"), By(Officer, 120));
        active.RecordCommunications(new EntryCommunications
        {
            GovernorsToldOn = Day(118),
            StaffToldOn = Day(117),
            LaTeamsToldOn = Day(116),
            ParentsCommunication = "Headteacher's letter to parents after the governors' meeting; questions to the chair of governors."
        }, Officer, Day(116));
        active.ChoosePlan(PlanKind.RaisingAchievementPlan, "Raising Achievement Plan 2026-27", null, Officer);
        active.AddPlanAction("Daily phonics sessions for every Reception child, with catch-up groups", "Early years lead", today.AddDays(40), "80% of Reception children on track in phonics at the next assessment point", Head);
        active.AddPlanAction("Half-termly pupil progress meetings with the headteacher", "Headteacher", today.AddDays(-10), "6 pupil progress meetings a year, each with recorded actions", Head);
        active.AddPlanAction("Governors' standards committee reviews outcomes each half-term", "Chair of governors", today.AddDays(70), "3 committee meetings a term minuted with challenge recorded", Officer);
        active.AddMember("Jordan Head", ManagementGroupRole.Headteacher, Head);
        active.AddMember("Priya Patel", ManagementGroupRole.SeniorLeader, Head);
        active.AddMember("Gray Governor", ManagementGroupRole.Governor, Head);
        active.AddMember("Helen Clarke", ManagementGroupRole.EnglishLead, Head);
        active.SetBudget(12000m, 3000m, Officer);
        active.Apply(CaseMoveName.StartSupport, By(Officer, 112));
        active.Apply(CaseMoveName.MoveToIntensiveSupport, By(Officer, 100, "Leadership capacity needs a tighter, formal programme."));

        // 2. Proposed, awaiting the SMT.
        var proposed = ImprovingOutcomesCase.Propose(DemoSeeder.DemoHeadSchoolUrn + 3, SupportTier.Targeted, ConcernGround.ManagementOrGovernanceBreakdown,
            "Governing body has not met for two terms; budget deficit growing; SIP reports weak self-evaluation.", "Morgan Intervention", Officer.Name, Officer, At(6), Day(6));

        // 3. Entry agreed, baseline to record.
        var agreed = ImprovingOutcomesCase.Propose(DemoSeeder.DemoHeadSchoolUrn + 20, SupportTier.Targeted, ConcernGround.ManagementOrGovernanceBreakdown,
            "The school improvement partner judges the school to require improvement two years running; leaders have no agreed plan to improve it.", "Morgan Intervention", Officer.Name, Officer, At(30), Day(30));
        agreed.Apply(CaseMoveName.AgreeEntry, By(Smt, 25, "Tier 1 targeted support agreed; review after the first programme meeting."));

        // 4. Exit agreed and in post-exit monitoring.
        var exiting = ImprovingOutcomesCase.Propose(DemoSeeder.DemoHeadSchoolUrn + 10, SupportTier.Targeted, ConcernGround.StandardsUnacceptablyLow,
            "Attainment in mathematics well below similar schools.", "Morgan Intervention", Officer.Name, Officer, At(330), Day(330));
        exiting.Apply(CaseMoveName.AgreeEntry, By(Smt, 325, "Entry agreed."));
        exiting.RecordBaseline(new BaselineAssessment(BaselineSource.OfstedInspection, Day(340), "Behaviour and attendance.", "Mathematics across the school.", null), By(Officer, 320));
        exiting.RecordCommunications(new EntryCommunications { GovernorsToldOn = Day(318), StaffToldOn = Day(318), LaTeamsToldOn = Day(317), ParentsCommunication = "Newsletter item agreed with governors." }, Officer, Day(317));
        exiting.ChoosePlan(PlanKind.StrategicSchoolDevelopmentPlan, "SSDP 2025-28", null, Officer);
        exiting.AddPlanAction("Mathematics mastery training for all teachers", "Maths lead", Day(200), "100% of teachers trained; 75% at the expected standard in maths", Officer);
        exiting.AddMember("Owen Hughes", ManagementGroupRole.Headteacher, Officer);
        exiting.AddMember("Ruth Okafor", ManagementGroupRole.Governor, Officer);
        exiting.Apply(CaseMoveName.StartSupport, By(Officer, 310));

        db.ProgrammeCases.AddRange(active, proposed, agreed, exiting);
        await db.SaveChangesAsync(ct);

        // Running the active case: a management group meeting, a programme meeting held (with its report), the next one scheduled, spending.
        var phonics = active.PlanActions[0];
        active.PlanActions[1].RecordProgress(ActionStatus.Completed, "All six meetings timetabled; first two held.", Day(12));
        phonics.RecordProgress(ActionStatus.OnTrack, "Catch-up groups running four mornings a week.", Day(20));
        active.RecordGroupMeeting(Day(40), "Reviewed phonics data for Reception and the pupil progress meeting notes.", true, true, Head, Day(40));
        var held = active.ScheduleMeeting(Day(50), "Ashcombe Nursery School", true, null, Officer, Day(100));
        held.RecordAgendaSent(Day(58), Day(58));
        held.SubmitProgressReport("Reception phonics assessments show steady gains; pupil progress meetings now embedded.", "Cluster phonics network with Riverside Learning Network schools.",
            [new ProgressEvidence(phonics.Id, "64% of Reception children on track in phonics, up from 41% at baseline."), new ProgressEvidence(active.PlanActions[1].Id, "2 of 6 pupil progress meetings held, each with recorded actions.")], Day(57), Head.Name);
        held.RecordHeld(Day(50), "Jordan Head (headteacher), Gray Governor (chair), Morgan Intervention (M&I), Sidney Partner (SIP), LA finance officer",
            "Continue intensive support; LA to fund phonics training; governors to add a standards committee.", "Action 3 added: governors' standards committee.", ProgressJudgement.Sufficient, Day(50));
        held.RecordMinutesCirculated(Day(45), Day(45));
        held.RecordGoverningBodyReport(Day(35), "Governors asked for half-termly phonics data.", Day(35));
        active.ScheduleMeeting(today.AddDays(12), "Ashcombe Nursery School", true, null, Officer, Day(45));
        active.AddSpending(phonics.Id, "Phonics training for early years staff (two days)", Day(60), 2400m, 1800m, 600m, Officer, Day(60));
        active.AddSpending(active.PlanActions[2].Id, "Governor training: holding leaders to account", Day(30), 450m, 450m, 0m, Officer, Day(30));

        // The exiting case: a meeting held, exit agreed, monitoring begun with one visit where a term has started since.
        var review = exiting.ScheduleMeeting(Day(250), "At the school", true, null, Officer, Day(300));
        review.RecordAgendaSent(Day(258), Day(258));
        review.SubmitProgressReport("Mathematics outcomes up in every year group; mastery approach embedded.", null,
            [new ProgressEvidence(exiting.PlanActions[0].Id, "100% of teachers trained; 72% at the expected standard in maths, up from 55%.")], Day(259), Officer.Name);
        review.RecordHeld(Day(250), "Head, chair of governors, M&I officer, SIP", "Progress good; plan exit.", null, ProgressJudgement.Good, Day(250));
        review.RecordMinutesCirculated(Day(246), Day(246));
        exiting.RecordExitStrategy(new ExitStrategy("SSDP continues with termly SIP visits; maths lead joins the cluster network.", Day(95), "Sidney Partner (SIP)", "Maths lead network membership and termly data review."), Officer, Day(95));
        exiting.Apply(CaseMoveName.AgreeExit, By(Smt, 90, "Improvement in mathematics sustained over three terms."));
        if (CaseLifecycle.Check(exiting, CaseMoveName.BeginMonitoring, By(Officer, 89)).Count == 0)
            exiting.Apply(CaseMoveName.BeginMonitoring, By(Officer, 89));
        if (exiting.State == CaseState.PostExitMonitoring && ProgrammeDeadlines.MonitoringTerms(Day(90), calendar).FirstOrDefault() is { } first && first.Starts <= Day(5))
        {
            var visitDay = calendar.SchoolDayOnOrAfter(first.Starts.AddDays(7)) is { } d && d <= Day(1) ? d : first.Starts;
            exiting.RecordMonitoringVisit(visitDay, "Mathematics results held up; maths lead attending the network.", true, Sip, today);
        }
        await db.SaveChangesAsync(ct);
    }
}
