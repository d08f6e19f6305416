using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.ImprovingOutcomes;

/// <summary>What every change to a case shares: load the whole case (within the user's school scope), run the domain
/// method as the signed-in user, and save with optimistic concurrency, turning a refusal into its reasons.</summary>
public static class CaseCommands
{
    public static IQueryable<ImprovingOutcomesCase> WholeCases(this AppDbContext db) => db.ProgrammeCases
        .Include(c => c.Decisions).Include(c => c.PlanActions).Include(c => c.Members).Include(c => c.GroupMeetings)
        .Include(c => c.Meetings).ThenInclude(m => m.Evidence)
        .Include(c => c.Visits).Include(c => c.Spending).Include(c => c.WarningNotices).Include(c => c.Powers)
        .AsSplitQuery();

    /// <summary>
    /// Runs <paramref name="change"/> on case <paramref name="caseId"/> and saves. With <paramref name="expectedVersion"/>
    /// the case must still be at the version the user saw. Every change moves the case's version on, so two changes
    /// racing on the same case cannot both be saved.
    /// </summary>
    public static async Task<OperationResult<T>> ChangeCaseAsync<T>(this AppDbContext db, int caseId, int? expectedVersion,
        Func<ImprovingOutcomesCase, Actor, TermCalendar, T> change, CancellationToken ct, string what = "case", Func<ImprovingOutcomesCase, VersionedEntity>? target = null)
    {
        if (db.Actor() is not { } actor) return OperationResult<T>.Fail(DomainError.Forbidden("programme.signed-out", "Sign in to work on programme cases."));
        var c = await db.WholeCases().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return OperationResult<T>.Fail(CoreErrors.NotFound("case"));
        var calendar = await db.LoadCalendarAsync(ct);
        if (expectedVersion is { } v)
        {
            // A decision made on a stale view of the case is refused as such, before its own rules are checked.
            if (c.Version != v) return OperationResult<T>.Fail(db.Conflict("case", c.UpdatedBy, c.UpdatedAt));
            db.ExpectVersion(c, v);
        }
        T result;
        try
        {
            result = change(c, actor, calendar);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<T>.Fail(e.Errors);
        }
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveVersionedAsync(target?.Invoke(c) ?? c, what, () => result, ct);
    }

    /// <summary>A move of the case lifecycle by <paramref name="actor"/> now, judged against the LA's term calendar.</summary>
    public static CaseMoveContext CaseMoveBy(this AppDbContext db, Actor actor, TermCalendar calendar, string? reason) =>
        new(actor, db.UtcNow, db.Today(), calendar, reason);

    /// <summary>The display name of a school, for messages and documents.</summary>
    public static async Task<string> SchoolNameAsync(this AppDbContext db, int urn, CancellationToken ct) =>
        await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct) ?? $"URN {urn}";
}
