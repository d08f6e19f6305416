using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// Closes an open concern with the reason and the date (the LA's school improvement officers). Made from the version
/// the person saw: a concern changed since is not closed, and the message says who changed it.
/// </summary>
[Operation]
public sealed class CloseConcern(AppDbContext db)
{
    /// <returns>The concern's id.</returns>
    public async Task<OperationResult<int>> RunAsync(int urn, int concernId, CloseConcernInput input, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.ConcernClosers, "close concerns", ct);
        if (allowed is null) return OperationResult<int>.Fail(refusal!);
        var concern = await db.SchoolConcerns.FirstOrDefaultAsync(c => c.Id == concernId && c.Urn == urn, ct);
        if (concern is null) return OperationResult<int>.Fail(CoreErrors.NotFound("concern"));
        var errors = await new CloseConcernInputValidator(db.Today()).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);
        if (concern.Version != input.Version) return OperationResult<int>.Fail(db.Conflict("concern", concern.UpdatedBy, concern.UpdatedAt));

        db.ExpectVersion(concern, input.Version);
        try
        {
            concern.Close(input.ClosedOn!.Value, input.Reason!.Trim(), db.CurrentUser.UserName);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors.Select(Named));
        }
        return await db.SaveVersionedAsync(concern, "concern", () => concern.Id, ct);
    }

    /// <summary>The domain names the entity's fields (ClosedOn, ClosedReason); the form's are ClosedOn and Reason.</summary>
    private static DomainError Named(DomainError e) => e.Field == nameof(SchoolConcern.ClosedReason) ? e with { Field = nameof(CloseConcernInput.Reason) } : e;
}
