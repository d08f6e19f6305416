using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

public sealed record OutcomeMoveInput
{
    /// <summary>The reason for reopening, or the SIP's comment.</summary>
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// A move of one outcome's review (<see cref="WellbeingReview"/>): the head completes or reopens it, the SIP agrees or
/// disagrees. When the fifth outcome is completed, the school's self-evaluation judgement of personal development
/// for the year is taken from the self-evaluation (<see cref="WellbeingSelfEvaluation.PersonalDevelopment"/>), in the
/// same save, so the levels of support criteria and the SIP's judgements page read it.
/// </summary>
[Operation]
public sealed class MoveOutcomeEvaluation(AppDbContext db)
{
    public const string PersonalDevelopmentNote = "Taken from the school's well-being self-evaluation: the middle one of its judgements of the five outcomes.";

    public async Task<OperationResult<int>> RunAsync(int urn, int academicYear, EcmOutcome outcome, OutcomeEvaluationMove move, OutcomeMoveInput input, CancellationToken ct = default)
    {
        if (!await db.WellbeingSelfEvaluations.AnyAsync(x => x.Urn == urn && x.AcademicYear == academicYear, ct))
            return OperationResult<int>.Fail(CoreErrors.NotFound(SelfEvaluationChanges.What));
        var existing = await db.SchoolJudgements
            .Where(j => j.Urn == urn && j.AcademicYear == academicYear && j.Source == JudgementSource.SelfEvaluation)
            .ToListAsync(ct);
        return await db.ChangeSelfEvaluationAsync(urn, academicYear, input.Version, (e, actor) =>
        {
            e.Apply(outcome, move, db.MoveBy(actor, input.Reason));
            if (move == OutcomeEvaluationMove.Complete && e.PersonalDevelopment is { } grade) TakePersonalDevelopment(e, grade, existing, actor.Name);
        }, ct);
    }

    private void TakePersonalDevelopment(WellbeingSelfEvaluation e, JudgementGrade grade, List<SchoolJudgement> existing, string who)
    {
        var today = db.Today();
        if (existing.FirstOrDefault(j => j.Area == e.PersonalDevelopmentArea) is { } judgement) judgement.Change(grade, today, PersonalDevelopmentNote, who);
        else db.SchoolJudgements.Add(new SchoolJudgement(e.Urn, e.AcademicYear, JudgementSource.SelfEvaluation, e.PersonalDevelopmentArea, grade, today, PersonalDevelopmentNote, who));
    }
}
