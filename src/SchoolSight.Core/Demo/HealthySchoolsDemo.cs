using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's Healthy Schools: three local priorities, and schools at several stages of the enhancement model —
/// one setting up its group, one at its needs analysis, one asked by the QUAS to clarify its stage 4 form, one whose
/// form waits for the panel, one monitoring its early success indicators, and one at review with an outcome confirmed
/// met and its award, each holding the LA's status. The demo head's own school holds the status but has not started,
/// so the whole path can be walked from its first step.
/// </summary>
public static class HealthySchoolsDemo
{
    private static readonly Actor Head = new($"head@{DemoSeeder.EmailDomain}", Role.SchoolUser);
    private static readonly Actor Coordinator = new($"healthy@{DemoSeeder.EmailDomain}", Role.HealthySchoolsCoordinator);
    private static readonly Actor Quas = new($"quas@{DemoSeeder.EmailDomain}", Role.QuasPanelMember);

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var locals = new[]
        {
            new LocalPriority("Healthy weight: more pupils physically active", "PE_TWO_HOURS", "Joint Strategic Needs Assessment 2025: childhood obesity"),
            new LocalPriority("Healthy eating at school", "SCHOOL_MEALS", "Public Health Outcomes Framework: children's diet"),
            new LocalPriority("Attendance and emotional well-being", "PERSISTENT_ABSENCE", "Joint Strategic Needs Assessment 2025: mental health of children and young people"),
        };
        db.LocalPriorities.AddRange(locals);
        await db.SaveChangesAsync(ct);
        var partners = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
        var today = db.Today();
        var stages = new[]
        {
            (Offset: 1, To: EnhancementStage.DevelopmentGroup, Asked: false, Award: false),
            (Offset: 2, To: EnhancementStage.NeedsAnalysis, Asked: false, Award: false),
            (Offset: 3, To: EnhancementStage.Outcomes, Asked: true, Award: false),
            (Offset: 4, To: EnhancementStage.WithQuas, Asked: false, Award: false),
            (Offset: 5, To: EnhancementStage.Monitoring, Asked: false, Award: false),
            (Offset: 6, To: EnhancementStage.Review, Asked: false, Award: true),
        };
        // Each school achieved the LA's status shortly before its first step, so it joined directly; the demo head's own
        // school achieved it two months ago and may join directly today.
        foreach (var (offset, to, asked, award) in stages)
        {
            var started = today.AddDays(-30 * (offset + 2));
            var at = db.UtcNow.AddDays(-7 * (7 - offset));
            var status = HealthySchoolStatus.Achieve(DemoSeeder.DemoHeadSchoolUrn + offset, started.AddDays(-20), Coordinator, today);
            db.HealthySchoolStatuses.Add(status);
            var joining = JoiningPathways.Decide(status, started, false, new HealthySchoolsSettings());
            var engagement = Walk(DemoSeeder.DemoHeadSchoolUrn + offset, joining, to, asked, award, locals[offset % 2].Id, partners[0], partners[^1], started, at, today);
            // The school monitoring its indicators found no service to train lunchtime play leaders: the QUAS report shows it.
            if (to == EnhancementStage.Monitoring)
                engagement.ReportNoService(2, "Training for lunchtime play leaders: no local service or partner offers it.", Head);
            db.HealthySchoolEngagements.Add(engagement);
        }
        db.HealthySchoolStatuses.Add(HealthySchoolStatus.Achieve(DemoSeeder.DemoHeadSchoolUrn, today.AddDays(-60), Coordinator, today));
        SeedReviews(db, today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Two schools self-validated last year's annual review; a third is part way through this year's.</summary>
    private static void SeedReviews(AppDbContext db, DateOnly today)
    {
        var criteria = ReviewCriteria.Shipped;
        var thisYear = AcademicYear.Of(today);
        foreach (var offset in new[] { 4, 5, 6 })
        {
            var urn = DemoSeeder.DemoHeadSchoolUrn + offset;
            var year = offset == 6 ? thisYear : thisYear - 1;
            var review = AnnualReview.Start(urn, year, criteria, Head);
            var all = criteria.Themes.SelectMany(t => t.Criteria).ToList();
            var confirmOn = offset == 6 ? today.AddDays(-10) : new DateOnly(year + 1, 6, 20);
            foreach (var c in offset == 6 ? all.Take(all.Count / 2) : all)
                review.Confirm(criteria, c.Id, $"Evidence for \"{c.Text}\": the policy, minutes of the group's meeting and pupils' views.", Head, confirmOn);
            if (offset != 6) review.SelfValidate(criteria, Head, confirmOn);
            db.AnnualReviews.Add(review);
        }
    }

    /// <summary>A school's record walked to <paramref name="to"/>, as the demo shows it.</summary>
    public static HealthySchoolEngagement Walk(int urn, JoiningDecision joining, EnhancementStage to, bool asked, bool award, int local, int partner, int otherPartner, DateOnly started, DateTime at, DateOnly today)
    {
        MoveContext By(Actor actor, string? reason = null) => new(actor, at, today, reason);
        var e = HealthySchoolEngagement.Engage(urn, joining, Head, started);
        e.AddMember("Jo Lewis (deputy head)", "Chair", GroupRepresentation.Staff, null, Head);
        e.AddMember("School council (two pupils from each year)", "Member", GroupRepresentation.Pupils, null, Head);
        if (to == EnhancementStage.DevelopmentGroup) return e;
        e.AddMember("Sam Okafor", "Member", GroupRepresentation.Parents, null, Head);
        e.AddMember("Gray Whitfield", "Member", GroupRepresentation.Governors, null, Head);
        e.AddMember("Nia Evans (school nurse)", "Member", GroupRepresentation.Partner, partner, Coordinator);
        e.SetKeyTasks("Lead the needs analysis, choose the priorities with pupils and parents, and review progress each half term.", Head);
        e.Apply(EnhancementMove.CompleteDevelopmentGroup, By(Head));
        if (to == EnhancementStage.NeedsAnalysis) return e;
        e.RecordNeedsAnalysis("Fewer pupils than in similar schools do two hours of PE a week; the pupil survey shows too few feel safe at lunchtime.", Head);
        e.Apply(EnhancementMove.CompleteNeedsAnalysis, By(Head));
        var localPriority = e.AddPriority(PriorityKind.Local, "Healthy weight: more pupils physically active", "PE_TWO_HOURS", local, Head);
        var schoolPriority = e.AddPriority(PriorityKind.School, "Pupils feel safe at lunchtime", "PUPIL_FEEL_SAFE", null, Head);
        e.Apply(EnhancementMove.ChoosePriorities, By(Head));
        var byWhen = today.AddYears(2);
        foreach (var p in new[] { localPriority, schoolPriority })
        {
            e.AddOutcome(p.Number, OutcomeKind.Quantitative, $"{p.Title}: the school's figure rises", null, null, null, 55, null, 70, byWhen, "SchoolSight's figures for the school", Head, today);
            e.AddOutcome(p.Number, OutcomeKind.Perception, $"{p.Title}: more pupils agree in the survey", null, null, null, 60, null, 75, byWhen, "The pupil survey", Head, today);
            e.AddOutcome(p.Number, OutcomeKind.Targeted, $"{p.Title}: for pupils eligible for free school meals", "Pupils eligible for free school meals", null, null, 45, null, 60, byWhen, "Club registers and the survey", Head, today);
        }
        e.AddSuccessIndicator("Lunchtime sports club running three days a week", today.AddMonths(6), SuccessIndicatorKind.Process, null, Head);
        e.AddSuccessIndicator("Half of Year 5 attend the club at least once a week", today.AddMonths(9), SuccessIndicatorKind.Impact, 1, Head);
        if (to == EnhancementStage.Outcomes && !asked) return e;
        e.Apply(EnhancementMove.SubmitToQuas, By(Head, "Our stage 4 form."));
        if (asked)
        {
            e.Apply(EnhancementMove.AskForClarification, By(Quas, "Please say how the targeted outcomes will be evidenced each term."));
            return e;
        }
        if (to == EnhancementStage.WithQuas) return e;
        e.Apply(EnhancementMove.Approve, By(Quas, "Clear priorities and measurable outcomes."));
        e.AddActivity("The daily mile for every class", ActivityReach.Universal, null, null, Head);
        e.AddActivity("Lunchtime club for pupils eligible for free school meals", ActivityReach.Targeted, "Pupils eligible for free school meals", partner, Head);
        e.AddActivity("Safer lunchtimes assembly for every year group", ActivityReach.Universal, null, otherPartner, Head);
        e.Apply(EnhancementMove.StartImplementation, By(Head));
        e.Apply(EnhancementMove.StartMonitoring, By(Head));
        e.AssessSuccessIndicator(1, true, "Club registers for the autumn term.", today.AddDays(-14), Head, today);
        if (to == EnhancementStage.Monitoring) return e;
        e.AssessSuccessIndicator(2, true, "Attendance at the club: 52% of Year 5.", today.AddDays(-7), Head, today);
        e.Apply(EnhancementMove.StartReview, By(Head));
        if (award)
        {
            e.Review(2, OutcomeMove.SendAsMet, new OutcomeMoveContext(Head, at, today, null, "The pupil survey this summer: 78% agree.", false, null));
            e.Review(2, OutcomeMove.Confirm, new OutcomeMoveContext(Quas, at, today, "Well evidenced.", null, false, null));
        }
        return e;
    }
}
