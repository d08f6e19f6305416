using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Voice;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Voice;

/// <summary>
/// How every change to a school's well-being self-evaluation is made: by someone who may read the school's judgements
/// (a SIP only for the schools they are assigned to; another school's is not found), from the version they saw, with
/// the domain deciding what is allowed; a refusal leaves nothing changed. The year's self-evaluation is started by
/// the first change the head makes to it.
/// </summary>
public static class SelfEvaluationChanges
{
    public const string What = "well-being self-evaluation";

    public static async Task<OperationResult<int>> ChangeSelfEvaluationAsync(this AppDbContext db, int urn, int academicYear, int? expectedVersion,
        Action<WellbeingSelfEvaluation, Actor> change, CancellationToken ct)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.JudgementReaders, "work on the well-being self-evaluation", ct);
        if (allowed is null || db.Actor() is not { } actor) return OperationResult<int>.Fail(refusal ?? CoreErrors.Forbidden("Sign in first."));
        var current = Domain.AcademicYear.Of(db.Today());
        if (academicYear > current || academicYear < JudgementsInputValidator.EarliestYear)
            return OperationResult<int>.Fail(new DomainError("wellbeing.year", $"Choose an academic year up to {Domain.AcademicYear.Format(current)}", "AcademicYear"));
        var evaluation = await db.WellbeingSelfEvaluations.FirstOrDefaultAsync(x => x.Urn == urn && x.AcademicYear == academicYear, ct);
        try
        {
            if (evaluation is null)
            {
                if (expectedVersion is > 0) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
                evaluation = WellbeingSelfEvaluation.Start(urn, academicYear, actor, db.Today());
                db.WellbeingSelfEvaluations.Add(evaluation);
            }
            else if (expectedVersion is { } v)
            {
                if (evaluation.Version != v) return OperationResult<int>.Fail(db.Conflict(What, evaluation.UpdatedBy, evaluation.UpdatedAt));
                db.ExpectVersion(evaluation, v);
            }
            change(evaluation, actor);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        if (db.Entry(evaluation).State != EntityState.Added) db.Entry(evaluation).Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            return await db.SaveVersionedAsync(evaluation, What, () => evaluation.Version, ct);
        }
        catch (DbUpdateException) when (db.Entry(evaluation).State == EntityState.Added)
        {
            // Two people starting the same year's self-evaluation at once: the unique index lets only one in.
            db.ChangeTracker.Clear();
            var first = await db.WellbeingSelfEvaluations.AsNoTracking().FirstAsync(x => x.Urn == urn && x.AcademicYear == academicYear, ct);
            return OperationResult<int>.Fail(db.Conflict(What, first.UpdatedBy, first.UpdatedAt));
        }
    }
}
