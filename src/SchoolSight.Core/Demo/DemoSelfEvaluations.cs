using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Voice;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Voice;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's well-being self-evaluations and its Children and Young People's Plan priorities: the demo head's
/// school completed last year's (this year's is not started, for the head to do); a few schools completed this year's,
/// their SIP agreeing with some outcomes and disagreeing with one; two schools have drafts. Each completed one gives
/// the personal development judgement the school had already recorded (the outcomes are judged around it), so the
/// demo's levels of support stay as they are. The same every time.
/// </summary>
public static class DemoSelfEvaluations
{
    private static readonly Actor Head = new($"head@{DemoSeeder.EmailDomain}", Role.SchoolUser);
    private static readonly Actor Sip = new($"sip@{DemoSeeder.EmailDomain}", Role.SchoolImprovementPartner);

    private static readonly string[] Plan =
    [
        "Every child in school every day: reduce persistent absence",
        "Children and young people are emotionally well and know where to get help",
        "A healthy weight for every child",
        "Children with special educational needs achieve well and are included",
    ];

    private static readonly Dictionary<EcmOutcome, (string Strengths, string Priority, int Plan)> Words = new()
    {
        [EcmOutcome.BeHealthy] = ("Most pupils take part in a daily active mile; lunches meet the school food standards.", "More pupils do two hours of physical activity a week", 2),
        [EcmOutcome.StaySafe] = ("Pupils say they feel safe and know whom to ask for help; bullying is dealt with quickly.", "Pupils in years 5 and 6 feel safe online", 1),
        [EcmOutcome.EnjoyAndAchieve] = ("Reading in key stage 1 is strong; pupils enjoy the wider curriculum.", "Close the attendance gap for pupils eligible for free school meals", 0),
        [EcmOutcome.MakeAPositiveContribution] = ("The school council leads fundraising and a weekly community litter pick.", "More pupils with SEN take part in clubs and the school council", 3),
        [EcmOutcome.AchieveEconomicWellBeing] = ("Pupils run an enterprise week; transition to secondary school is well planned.", "Every pupil meets a visitor from the world of work each year", 0),
    };

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var plan = Plan.Select(t => new PlanPriority(t, "Demo Borough Children and Young People's Plan 2025 to 2028")).ToList();
        db.PlanPriorities.AddRange(plan);
        await db.SaveChangesAsync(ct);

        var current = AcademicYear.Of(db.Today());
        var judgements = await db.SchoolJudgements
            .Where(j => j.Source == JudgementSource.SelfEvaluation && (j.Area == JudgementArea.PersonalDevelopment || j.Area == JudgementArea.PersonalDevelopmentAndWellbeing))
            .OrderBy(j => j.Urn).ToListAsync(ct);
        var chosen = judgements.Where(j => j.Urn == DemoSeeder.DemoHeadSchoolUrn && j.AcademicYear == current - 1)
            .Concat(judgements.Where(j => j.AcademicYear == current && j.Urn != DemoSeeder.DemoHeadSchoolUrn).Where((_, i) => i % 6 == 1).Take(8))
            .ToList();
        for (var k = 0; k < chosen.Count; k++)
            Complete(db, chosen[k], plan, sipReviews: k % 3 == 1);
        foreach (var draft in judgements.Where(j => j.AcademicYear == current && !chosen.Any(c => c.Urn == j.Urn) && j.Urn != DemoSeeder.DemoHeadSchoolUrn).Take(2))
        {
            var e = WellbeingSelfEvaluation.Start(draft.Urn, current, Head, draft.JudgedOn);
            Record(e, EcmOutcome.StaySafe, draft.Graded, plan);
            db.WellbeingSelfEvaluations.Add(e);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The five outcomes judged around the school's personal development judgement (its median), completed on the day it was made.</summary>
    private static void Complete(AppDbContext db, SchoolJudgement personal, IReadOnlyList<PlanPriority> plan, bool sipReviews)
    {
        var on = personal.JudgedOn;
        var at = on.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        var e = WellbeingSelfEvaluation.Start(personal.Urn, personal.AcademicYear, Head, on);
        var g = personal.Graded;
        JudgementGrade[] grades = [Step(g, -1), g, g, g, Step(g, 1)];
        foreach (var (outcome, grade) in EcmOutcomes.All.Zip(grades))
        {
            Record(e, outcome, grade, plan);
            e.Apply(outcome, OutcomeEvaluationMove.Complete, new MoveContext(Head, at, on));
        }
        if (sipReviews)
        {
            var later = new MoveContext(Sip, at.AddDays(7), on.AddDays(7));
            e.Apply(EcmOutcome.BeHealthy, OutcomeEvaluationMove.Agree, later);
            e.Apply(EcmOutcome.StaySafe, OutcomeEvaluationMove.Agree, later);
            e.Apply(EcmOutcome.EnjoyAndAchieve, OutcomeEvaluationMove.Disagree, later with { Reason = "Attendance of pupils on free school meals fell again this year: the judgement is generous." });
        }
        db.WellbeingSelfEvaluations.Add(e);
        personal.Change(e.PersonalDevelopment!.Value, on, MoveOutcomeEvaluation.PersonalDevelopmentNote, personal.RecordedBy);
    }

    private static void Record(WellbeingSelfEvaluation e, EcmOutcome outcome, JudgementGrade grade, IReadOnlyList<PlanPriority> plan)
    {
        var (strengths, priority, serves) = Words[outcome];
        e.Record(outcome, grade, strengths, [(priority, (IReadOnlyList<int>)[plan[serves].Id])], Head);
    }

    /// <summary>The grade one step better (-1) or worse (+1) on its own scale, staying on the scale.</summary>
    private static JudgementGrade Step(JudgementGrade grade, int by) => grade.ReportCard is { } r
        ? JudgementGrade.Of((ReportCardGrade)Math.Clamp((int)r + by, 1, 5))
        : JudgementGrade.Of((OfstedJudgement)Math.Clamp((int)grade.FourPoint!.Value + by, 1, 4));
}
