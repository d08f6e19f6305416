using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record ProposeEntryInput
{
    public int? Urn { get; set; }
    public SupportTier? Tier { get; set; }
    public ConcernGround? Ground { get; set; }
    public string? Concerns { get; set; }
    public string? CaseOfficerName { get; set; }
    public string? CaseOfficerEmail { get; set; }
}

/// <summary>
/// Proposes a school for the Improving Outcomes Programme, from the categorisation evidence (M&amp;I team or QA
/// manager). The SMT then agrees or declines entry. One open case per school.
/// </summary>
[Operation]
public sealed class ProposeEntry(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(ProposeEntryInput input, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor) return OperationResult<int>.Fail(DomainError.Forbidden("programme.signed-out", "Sign in to propose a school."));
        var errors = new List<DomainError>();
        if (input.Urn is null) errors.Add(ProgrammeErrors.Required("Urn", "Enter the school's URN"));
        if (input.Tier is null) errors.Add(ProgrammeErrors.Required("Tier", "Choose the tier of support proposed"));
        if (input.Ground is null) errors.Add(ProgrammeErrors.Required("Ground", "Choose the grounds for concern"));
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        var school = await db.Schools.Where(s => s.Urn == input.Urn).Select(s => new { s.Urn, s.Details.Name, s.Details.Status }).FirstOrDefaultAsync(ct);
        if (school is null) return OperationResult<int>.Fail(new DomainError("programme.unknown-school", $"There is no school with URN {input.Urn} in the register.", "Urn"));
        if (!school.Status.IsOpen()) return OperationResult<int>.Fail(ProgrammeErrors.SchoolClosed(school.Name));
        if (await db.ProgrammeCases.AnyAsync(c => c.Urn == school.Urn && c.State != CaseState.Closed, ct))
            return OperationResult<int>.Fail(ProgrammeErrors.OpenCaseExists(school.Name));

        ImprovingOutcomesCase c;
        try
        {
            c = ImprovingOutcomesCase.Propose(school.Urn, input.Tier!.Value, input.Ground!.Value, input.Concerns ?? "",
                input.CaseOfficerName ?? "", input.CaseOfficerEmail ?? "", actor, db.UtcNow, db.Today());
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
        db.ProgrammeCases.Add(c);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            // Someone else proposed the same school between the check above and this save.
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(ProgrammeErrors.OpenCaseExists(school.Name));
        }
        return OperationResult<int>.Ok(c.Id);
    }
}
