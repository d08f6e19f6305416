using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// Records a safeguarding or management and governance concern about a school: evidence for the categorisation
/// rules while it is open. The LA's school improvement officers, or the school's SIP.
/// </summary>
[Operation]
public sealed class RecordConcern(AppDbContext db)
{
    /// <returns>The new concern's id.</returns>
    public async Task<OperationResult<int>> RunAsync(int urn, ConcernInput input, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.ConcernKeepers, "record concerns", ct);
        if (allowed is null) return OperationResult<int>.Fail(refusal!);
        var errors = await new ConcernInputValidator(db.Today()).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        ConcernKinds.TryParse(input.Kind, out var kind);
        SchoolConcern concern;
        try
        {
            concern = new SchoolConcern(urn, kind, input.RaisedOn!.Value, input.Summary!.Trim(), db.CurrentUser.UserName);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
        db.SchoolConcerns.Add(concern);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(concern.Id);
    }
}
