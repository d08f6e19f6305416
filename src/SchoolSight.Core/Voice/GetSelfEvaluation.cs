using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Voice;

/// <summary>One year of a school's well-being self-evaluations, for the history.</summary>
public sealed record SelfEvaluationYear(int AcademicYear, int OutcomesCompleted, DateOnly? CompletedOn, JudgementGrade? PersonalDevelopment)
{
    public string Title => Domain.AcademicYear.Format(AcademicYear);
}

/// <summary>One outcome as the self-evaluation shows it: the school's record, its evidence, and the moves open to the reader.</summary>
public sealed record OutcomeEvaluationView(EcmOutcome Outcome, OutcomeEvaluation? Record, WellbeingEvidence Evidence,
    IReadOnlyList<OpenMove<OutcomeEvaluation, OutcomeEvaluationState, OutcomeEvaluationMove, WellbeingMoveContext>> Moves,
    string? CompletedByName, string? SipName)
{
    public OutcomeEvaluationState State => Record?.State ?? OutcomeEvaluationState.Draft;
}

public sealed record SelfEvaluationView(
    int Urn, string SchoolName, int AcademicYear, WellbeingSelfEvaluation? Evaluation, JudgementScale Scale, bool MayEdit,
    IReadOnlyList<OutcomeEvaluationView> Outcomes, IReadOnlyList<SelfEvaluationYear> History, IReadOnlyList<PlanPriority> PlanPriorities,
    SchoolIndicatorsView? Data)
{
    public string Title => Domain.AcademicYear.Format(AcademicYear);
    public string Status => Evaluation is null ? "Not started" : Evaluation.IsCompleted ? "Completed" : "Draft";
    public OutcomeEvaluationView Outcome(EcmOutcome outcome) => Outcomes.First(o => o.Outcome == outcome);
    public string PlanPriority(int id) => PlanPriorities.FirstOrDefault(p => p.Id == id)?.Title ?? $"Priority {id}";
}

/// <summary>
/// A school's well-being self-evaluation for a year (the current one by default): for each of the five outcomes the
/// evidence already in SchoolSight (its indicators against their benchmarks, the gaps for the vulnerable groups and
/// the groups the school names, pupils' and parents' views, from <see cref="GetSchoolIndicators"/>), the school's
/// judgement, strengths and priorities with the plan priorities they serve, the SIP's view, and the moves open to the
/// reader; with the school's earlier years. Read by the LA's officers, the school's SIP, its staff and governors.
/// </summary>
[Operation]
public sealed class GetSelfEvaluation(AppDbContext db, GetSchoolIndicators indicators, PeopleNames people)
{
    public async Task<OperationResult<SelfEvaluationView>> RunAsync(int urn, int? academicYear = null, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.JudgementReaders, "see the school's self-evaluation", ct);
        if (allowed is null || db.Actor() is not { } actor) return OperationResult<SelfEvaluationView>.Fail(refusal ?? CoreErrors.Forbidden("Sign in first."));
        var year = academicYear ?? Domain.AcademicYear.Of(db.Today());
        var all = await db.WellbeingSelfEvaluations.AsNoTracking().Where(x => x.Urn == urn).ToListAsync(ct);
        var evaluation = all.FirstOrDefault(x => x.AcademicYear == year);
        var history = all.OrderByDescending(x => x.AcademicYear)
            .Select(x => new SelfEvaluationYear(x.AcademicYear, x.Outcomes.Count(o => o.State == OutcomeEvaluationState.Completed), x.CompletedOn, x.PersonalDevelopment))
            .ToList();
        var plan = await db.PlanPriorities.AsNoTracking().OrderBy(p => p.Title).ToListAsync(ct);
        var data = await indicators.RunAsync(urn, year, ct: ct);
        var groups = evaluation?.GroupsLookedAt ?? WellbeingSelfEvaluation.VulnerableGroups;
        var scale = evaluation?.Scale ?? JudgementScales.For(db.Today());
        var context = new WellbeingMoveContext(db.MoveBy(actor, null), scale);
        var who = await people.ResolverAsync(ct);
        var outcomes = EcmOutcomes.All.Select(o =>
        {
            var record = evaluation?.Outcome(o);
            var evidence = data is null ? new WellbeingEvidence(o, [], [], [], []) : WellbeingEvidence.For(data, o, groups);
            var moves = record is null ? [] : WellbeingReview.Workflow.MovesFor(record, context);
            return new OutcomeEvaluationView(o, record, evidence, moves,
                record?.CompletedBy is { } c ? who(c) : null, record?.SipBy is { } s ? who(s) : null);
        }).ToList();
        var mayEdit = WellbeingReview.School.Contains(actor.Role);
        return OperationResult<SelfEvaluationView>.Ok(new(urn, allowed.SchoolName, year, evaluation, scale, mayEdit, outcomes, history,
            plan, data));
    }
}
