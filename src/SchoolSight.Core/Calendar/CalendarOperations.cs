using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;

namespace SchoolSight.Core.Calendar;

public sealed record TermInput
{
    public DateOnly? Starts { get; set; }
    public DateOnly? HalfTermStarts { get; set; }
    public DateOnly? HalfTermEnds { get; set; }
    public DateOnly? Ends { get; set; }
    public int Version { get; set; }
}

/// <summary>The LA's term dates, year by year.</summary>
[Operation]
public sealed class ListSchoolTerms(AppDbContext db)
{
    public sealed record Row(int Id, int AcademicYear, TermName Name, string Title, DateOnly Starts, DateOnly HalfTermStarts, DateOnly HalfTermEnds, DateOnly Ends, int Version, string? UpdatedBy, DateTime? UpdatedAt);

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken ct = default) =>
        (await db.SchoolTerms.AsNoTracking().OrderBy(t => t.Starts).ToListAsync(ct))
        .Select(t => new Row(t.Id, t.AcademicYear, t.Name, t.Title, t.Starts, t.HalfTermStarts, t.HalfTermEnds, t.Ends, t.Version, t.UpdatedBy, t.UpdatedAt))
        .ToList();
}

/// <summary>Changes a term's dates (LA administrators). Refused when the dates are out of order or overlap another term.</summary>
[Operation]
public sealed class EditSchoolTerm(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int id, TermInput input, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.Administration, ResourceAction.Edit))
            return OperationResult<int>.Fail(DomainError.Forbidden("calendar.role", "Only an LA administrator may change the term dates."));
        var term = await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (term is null) return OperationResult<int>.Fail(CoreErrors.NotFound("term"));
        var missing = Missing(input);
        if (missing.Count > 0) return OperationResult<int>.Fail(missing);
        db.ExpectVersion(term, input.Version);
        try
        {
            term.ChangeDates(input.Starts!.Value, input.HalfTermStarts!.Value, input.HalfTermEnds!.Value, input.Ends!.Value);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        var others = await db.SchoolTerms.AsNoTracking().Where(t => t.Id != id).ToListAsync(ct);
        if (others.FirstOrDefault(o => o.Starts <= term.Ends && term.Starts <= o.Ends) is { } overlap)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(CalendarErrors.Overlaps(overlap.Title));
        }
        var order = others.Where(o => o.AcademicYear == term.AcademicYear)
            .FirstOrDefault(o => (o.Name < term.Name && o.Starts > term.Starts) || (o.Name > term.Name && o.Starts < term.Starts));
        if (order is not null)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(CalendarErrors.OutOfOrder(order.Title));
        }
        return await db.SaveVersionedAsync(term, "term", () => term.Id, ct);
    }

    internal static List<DomainError> Missing(TermInput input)
    {
        var errors = new List<DomainError>();
        if (input.Starts is null) errors.Add(new("calendar.required", "Enter the first day of term", "Starts"));
        if (input.HalfTermStarts is null) errors.Add(new("calendar.required", "Enter the first day of the half-term holiday", "HalfTermStarts"));
        if (input.HalfTermEnds is null) errors.Add(new("calendar.required", "Enter the last day of the half-term holiday", "HalfTermEnds"));
        if (input.Ends is null) errors.Add(new("calendar.required", "Enter the last day of term", "Ends"));
        return errors;
    }
}

/// <summary>Adds a term to the calendar (LA administrators), for a year the calendar does not hold yet.</summary>
[Operation]
public sealed class AddSchoolTerm(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int academicYear, TermName name, TermInput input, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.Administration, ResourceAction.Edit))
            return OperationResult<int>.Fail(DomainError.Forbidden("calendar.role", "Only an LA administrator may change the term dates."));
        if (academicYear is < 2000 or > 2100)
            return OperationResult<int>.Fail(new DomainError("calendar.year", "Enter the year the academic year starts in, like 2028.", "AcademicYear"));
        var missing = EditSchoolTerm.Missing(input);
        if (missing.Count > 0) return OperationResult<int>.Fail(missing);
        if (await db.SchoolTerms.AnyAsync(t => t.AcademicYear == academicYear && t.Name == name, ct))
            return OperationResult<int>.Fail(new DomainError("calendar.exists", $"The calendar already has the {SchoolTerm.TermTitle(academicYear, name)}: change its dates instead.", "Name"));
        SchoolTerm term;
        try
        {
            term = new SchoolTerm(academicYear, name, input.Starts!.Value, input.HalfTermStarts!.Value, input.HalfTermEnds!.Value, input.Ends!.Value);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
        var overlap = await db.SchoolTerms.AsNoTracking().Where(o => o.Starts <= term.Ends && term.Starts <= o.Ends).FirstOrDefaultAsync(ct);
        if (overlap is not null) return OperationResult<int>.Fail(CalendarErrors.Overlaps(overlap.Title));
        db.SchoolTerms.Add(term);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(term.Id);
    }
}
