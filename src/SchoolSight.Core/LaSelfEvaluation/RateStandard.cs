using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>A rating as a page, the API or a script gives it: the cell's version as it was seen (0 for a cell not yet rated).</summary>
public sealed record RateStandardInput(
    int AcademicYear, string StandardId, SefPhase Phase, RagRating? Rating, IReadOnlyCollection<string>? CriteriaMet, string? Evidence,
    string? OverrideReason, RagRating? ExternalRating, string? ExternalNote, int Version);

/// <summary>
/// Rates one standard for one phase in the LA's self-evaluation of a year (starting the year's self-evaluation when it
/// is the first rating): the criteria met with the evidence, computed criteria as SchoolSight finds them unless a
/// reason is given, under the critical criteria rule. A stale version is refused naming who changed the cell and when.
/// </summary>
[Operation]
public sealed class RateStandard(AppDbContext db, QualityStandardsSource source)
{
    public const int MaxEvidenceLength = 8000;

    public async Task<OperationResult<int>> RunAsync(RateStandardInput input, CancellationToken ct = default)
    {
        if (SelfEvaluationAccess.Refusal(db, ResourceAction.Record) is { } refused) return OperationResult<int>.Fail(refused);
        var standards = source.Standards;
        if (standards.Standard(input.StandardId) is not { } standard) return OperationResult<int>.Fail(CoreErrors.NotFound($"quality standard {input.StandardId}"));
        if (input.Rating is not { } rating) return OperationResult<int>.Fail(new DomainError("sef.rating", "Choose a rating", "Rating"));
        if (input.AcademicYear is < AcademicYear.Earliest or > AcademicYear.Latest)
            return OperationResult<int>.Fail(new DomainError("sef.year", "Choose an academic year SchoolSight holds", "AcademicYear"));
        if (input.Evidence?.Length > MaxEvidenceLength)
            return OperationResult<int>.Fail(new DomainError("sef.evidence", $"The evidence is longer than {MaxEvidenceLength:N0} characters", "Evidence"));

        var evaluation = await db.LaSelfEvaluations.Include(e => e.Ratings).FirstOrDefaultAsync(e => e.AcademicYear == input.AcademicYear, ct);
        if (evaluation is null)
        {
            evaluation = new LaSelfEvaluationYear(input.AcademicYear, standards.Version);
            db.LaSelfEvaluations.Add(evaluation);
        }
        var cell = evaluation.RatingFor(standard.Id, input.Phase);
        if ((cell?.Version ?? 0) != input.Version)
        {
            var (by, at) = cell is null ? (null, null) : (cell.UpdatedBy, cell.UpdatedAt);
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(db.Conflict($"rating of standard {standard.Id} for {input.Phase.Describe()}", by, at));
        }
        if (cell is not null) db.ExpectVersion(cell, input.Version);

        var figures = await SelfEvaluationFigures.LoadAsync(db, input.AcademicYear, ct);
        try
        {
            cell = evaluation.Rate(standard, input.Phase,
                new RatingInput(rating, input.CriteriaMet ?? [], input.Evidence, input.OverrideReason, input.ExternalRating, input.ExternalNote),
                figures, db.CurrentUser.UserName);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(cell, $"rating of standard {standard.Id} for {input.Phase.Describe()}", () => input.AcademicYear, ct);
    }
}
