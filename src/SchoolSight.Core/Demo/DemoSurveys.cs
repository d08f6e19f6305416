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
    }

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
