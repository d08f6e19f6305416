using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's board meetings for the current academic year, from its term dates (seed 002, 8.7 and 8.9): the SSEB
/// meets once per half term — the first meeting of a term on major school improvement issues, the second on the
/// progress of schools causing concern and schools in Ofsted categories — and each locality's School Effectiveness
/// Board meets once a term, in the second half, on the same progress.
/// </summary>
public static class DemoBoards
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var today = db.Today();
        var year = today.Month >= 8 ? today.Year : today.Year - 1;
        var terms = await db.SchoolTerms.AsNoTracking().Where(t => t.AcademicYear == year).OrderBy(t => t.Starts).ToListAsync(ct);
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => l.Id).ToListAsync(ct);
        foreach (var term in terms)
        {
            db.BoardMeetings.Add(new BoardMeeting(null, Weekday(term.Starts.AddDays(21)), MeetingPurpose.MajorSchoolImprovementIssues,
                $"{term.Name} term, first half: major school improvement issues."));
            db.BoardMeetings.Add(new BoardMeeting(null, Weekday(term.HalfTermEnds.AddDays(21)), MeetingPurpose.ProgressOfSchoolsCausingConcern,
                $"{term.Name} term, second half: schools causing concern and schools in Ofsted categories."));
            for (var i = 0; i < localities.Count; i++)
                db.BoardMeetings.Add(new BoardMeeting(localities[i], Weekday(term.HalfTermEnds.AddDays(10 + i)), MeetingPurpose.ProgressOfSchoolsCausingConcern, null));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The day, or the Monday after when it falls at a weekend.</summary>
    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
