using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's online surveys: an open window at the demo head's school (Reception and parents, a few pupils
/// part-way through) and one at another school. None has sent yet, so the year's figures stay those of the demo data.
/// </summary>
public static class DemoSurveys
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        await SeedAsync(db, DemoSeeder.DemoHeadSchoolUrn, 6, ct);
        await SeedAsync(db, DemoSeeder.OtherDemoSchoolUrn, 0, ct);

        // Two schools have already written "what you told us" for their latest survey, ready to share.
        foreach (var (urn, text) in Summaries)
            if (await db.SurveyDataBlocks.Where(b => b.Urn == urn && b.RespondentCount > 0).MaxAsync(b => (int?)b.AcademicYear, ct) is { } year)
                db.SurveySummaries.Add(new SurveySummary(urn, year, text));
        await db.SaveChangesAsync(ct);
    }

    private static readonly (int Urn, string Text)[] Summaries =
    [
        (DemoSeeder.OtherDemoSchoolUrn + 1, "Thank you to every parent who answered our survey.\n\nMost of you told us your child feels safe and happy at nursery. Fewer of you said you know how your child is getting on, so this term we will share a short note about each child's week."),
        (DemoSeeder.OtherDemoSchoolUrn, "Thank you to the parents who answered our survey.\n\nMost of you told us your child is well looked after and settles happily. Fewer of you said you hear enough about healthy eating, so each month we will send home one of the recipes the children cook with us."),
    ];

    private static async Task SeedAsync(AppDbContext db, int urn, int started, CancellationToken ct)
    {
        var today = db.Today();
        var window = new SurveyWindow(urn, Domain.AcademicYear.Of(today), "Pupil and parent survey",
            today.AddDays(-3), today.AddDays(11), [1], true, Questionnaire.Shipped.Version, "admin@demo-borough.example", db.UtcNow);
        db.SurveyWindows.Add(window);
        await db.SaveChangesAsync(ct);
        var codes = Enumerable.Range(0, 30).Select(_ => new SurveyCode(window.Id, window.Urn, OpenSurveyWindow.NewCode(), RespondentType.Pupil, 1, "Reception"))
            .Concat(Enumerable.Range(0, 20).Select(_ => new SurveyCode(window.Id, window.Urn, OpenSurveyWindow.NewCode(), RespondentType.Parent, 0, "Parents")))
            .ToList();
        var asked = Questionnaire.Shipped.ForPupil(1);
        for (var k = 0; k < started; k++)
            for (var q = 0; q <= k % asked.Count; q++)
                codes[k].Answer(asked[q], (byte)(1 + (k + q) % 3), Questionnaire.Shipped.Questions.Count, db.UtcNow);
        db.SurveyCodes.AddRange(codes);
        await db.SaveChangesAsync(ct);
    }
}
