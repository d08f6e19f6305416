using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>Signs off the LA's self-evaluation of a year, or reopens it (<see cref="SelfEvaluationSteps"/>), from the version the person saw.</summary>
[Operation]
public sealed class MoveSelfEvaluation(AppDbContext db, QualityStandardsSource source)
{
    public async Task<OperationResult<int>> RunAsync(int academicYear, SelfEvaluationMove move, string? reason, int version, CancellationToken ct = default)
    {
        if (SelfEvaluationAccess.Refusal(db, ResourceAction.Read) is { } refused || db.Actor() is not { } actor)
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Only the LA's school improvement officers may see the LA's self-evaluation."));
        var evaluation = await db.LaSelfEvaluations.Include(e => e.Ratings).FirstOrDefaultAsync(e => e.AcademicYear == academicYear, ct);
        if (evaluation is null) return OperationResult<int>.Fail(CoreErrors.NotFound($"self-evaluation for {AcademicYear.Format(academicYear)}"));
        db.ExpectVersion(evaluation, version);
        try
        {
            var context = db.MoveBy(actor, reason);
            if (move == SelfEvaluationMove.SignOff) evaluation.SignOff(context, source.Standards);
            else evaluation.Reopen(context, source.Standards);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(evaluation, $"self-evaluation for {AcademicYear.Format(academicYear)}", () => academicYear, ct);
    }
}
