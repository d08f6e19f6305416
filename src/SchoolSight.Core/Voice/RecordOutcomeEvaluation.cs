using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

public sealed record OutcomePriorityInput
{
    public string? Text { get; set; }
    public List<int> PlanPriorities { get; set; } = [];
}

/// <summary>
/// The draft of one outcome of the well-being self-evaluation, as the form and the API send it: the judgement by its
/// slug on the self-evaluation's scale (<c>good</c>, <c>expected-standard</c>), the strengths, and the priorities, each
/// with the ids of the Children and Young People's Plan priorities it serves; a priority left blank is dropped.
/// </summary>
public sealed record OutcomeEvaluationInput
{
    public string? Grade { get; set; }
    public string? Strengths { get; set; }
    public List<OutcomePriorityInput> Priorities { get; set; } = [];
    public int? Version { get; set; }
}

/// <summary>The head saves the draft of one outcome of the year's well-being self-evaluation (starting it on the first save).</summary>
[Operation]
public sealed class RecordOutcomeEvaluation(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int urn, int academicYear, EcmOutcome outcome, OutcomeEvaluationInput input, CancellationToken ct = default)
    {
        var known = (await db.PlanPriorities.AsNoTracking().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return await db.ChangeSelfEvaluationAsync(urn, academicYear, input.Version, (e, actor) =>
        {
            JudgementGrade? grade = null;
            if (!string.IsNullOrWhiteSpace(input.Grade))
            {
                if (!e.Scale.TryParseGrade(input.Grade, out var parsed))
                    throw new DomainException(new DomainError("wellbeing.grade", $"Choose a judgement on the {e.Scale.Describe()}", "Grade"));
                grade = parsed;
            }
            var given = input.Priorities.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
            if (given.Any(p => p.PlanPriorities.Any(id => !known.Contains(id))))
                throw new DomainException(new DomainError("wellbeing.plan-priority", "Choose the plan priorities from the LA's list", "Priorities"));
            e.Record(outcome, grade, input.Strengths, [.. given.Select(p => (p.Text!, (IReadOnlyList<int>)p.PlanPriorities))], actor);
        }, ct);
    }
}

/// <summary>The head names the groups of pupils the year's self-evaluation looks at beside the vulnerable groups.</summary>
[Operation]
public sealed class NameSelfEvaluationGroups(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int academicYear, IReadOnlyList<string> groups, int? version, CancellationToken ct = default) =>
        db.ChangeSelfEvaluationAsync(urn, academicYear, version, (e, actor) =>
        {
            var parsed = groups.Select(g => Enum.TryParse<PupilGroup>(g, true, out var p) ? p : (PupilGroup?)null).ToList();
            if (parsed.Any(p => p is null)) throw new DomainException(new DomainError("wellbeing.group", "Choose groups from the list", "Groups"));
            e.NameGroups(parsed.Select(p => p!.Value), actor);
        }, ct);
}
