using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Calendar;

namespace SchoolSight.Core.Calendar;

/// <summary>Reads the LA's term calendar, and fills an empty one with the default dates for England.</summary>
public static class TermCalendarStore
{
    public static async Task<TermCalendar> LoadCalendarAsync(this AppDbContext db, CancellationToken ct = default) =>
        TermCalendar.From(await db.SchoolTerms.AsNoTracking().ToListAsync(ct));

    /// <summary>Adds the default England term dates when the LA has none yet (at start-up, after migrating).</summary>
    public static async Task EnsureDefaultAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.SchoolTerms.AnyAsync(ct)) return;
        db.SchoolTerms.AddRange(EnglandTermDates.Default.Select(t => new SchoolTerm(t.AcademicYear, t.Name, t.Starts, t.HalfTermStarts, t.HalfTermEnds, t.Ends)));
        await db.SaveChangesAsync(ct);
    }
}
