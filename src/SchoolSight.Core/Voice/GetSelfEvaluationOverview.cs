using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Exports;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

public sealed record SelfEvaluationOverviewRow(int Urn, string Name, string? Locality, SchoolPhase Phase, string Status,
    IReadOnlyDictionary<EcmOutcome, JudgementGrade?> Grades, JudgementGrade? PersonalDevelopment, IReadOnlyList<EcmOutcome> Weakest);

/// <summary>An outcome across the schools: how many judged it, and how many judged it their weakest (alone or tied).</summary>
public sealed record OutcomeSummary(EcmOutcome Outcome, int Judged, int WeakestAt);

public sealed record RecurringPriority(string Title, int Schools);

public sealed record SelfEvaluationOverview(int AcademicYear, RiskRegisterFilter Filter, IReadOnlyList<(int Id, string Name)> Localities,
    IReadOnlyList<SelfEvaluationOverviewRow> Rows, IReadOnlyList<OutcomeSummary> Outcomes, IReadOnlyList<RecurringPriority> Priorities)
{
    public string Title => Domain.AcademicYear.Format(AcademicYear);
    public int NotCompleted => Rows.Count(r => r.Status != "Completed");
}

/// <summary>
/// The LA's view of the schools' well-being self-evaluations for a year: every open school (of a locality, a phase)
/// with its status and its judgement of each outcome; how many have not completed one; which outcomes schools judge
/// weakest; which of the area's plan priorities schools' priorities serve most. For the LA's school improvement
/// officers; a page, CSV and Excel (<see cref="Export"/>).
/// </summary>
[Operation]
public sealed class GetSelfEvaluationOverview(AppDbContext db)
{
    public async Task<OperationResult<SelfEvaluationOverview>> RunAsync(int? academicYear, RiskRegisterFilter filter, CancellationToken ct = default)
    {
        if (db.CurrentUser.Role is not { } role || !AccessRules.LaImprovement.Contains(role))
            return OperationResult<SelfEvaluationOverview>.Fail(CoreErrors.Forbidden("Only the LA's school improvement officers see every school's self-evaluation."));
        var year = academicYear ?? Domain.AcademicYear.Of(db.Today());
        var localities = (await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
            .Select(l => (l.Id, l.Name)).ToList();
        var query = db.Schools.AsNoTracking().Where(s => s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose);
        if (filter.LocalityId is { } localityId) query = query.Where(s => s.LocalityId == localityId);
        if (filter.Phase is { } phase) query = query.Where(s => s.Phase == phase);
        var schools = await query.OrderBy(s => s.Details.Name)
            .Select(s => new { s.Urn, s.Details.Name, Locality = s.Locality != null ? s.Locality.Name : null, s.Phase }).ToListAsync(ct);
        var urns = schools.Select(s => s.Urn).ToList();
        var evaluations = (await db.WellbeingSelfEvaluations.AsNoTracking().Where(e => e.AcademicYear == year && urns.Contains(e.Urn)).ToListAsync(ct))
            .ToDictionary(e => e.Urn);
        var plan = await db.PlanPriorities.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, ct);

        var rows = schools.Select(s =>
        {
            var e = evaluations.GetValueOrDefault(s.Urn);
            var grades = EcmOutcomes.All.ToDictionary(o => o, o => e?.Outcome(o).Grade);
            var judged = grades.Where(g => g.Value is not null).ToList();
            var worst = judged.Count == 0 ? 0 : judged.Max(g => Rank(g.Value!.Value));
            var status = e is null ? "Not started" : e.IsCompleted ? "Completed" : $"Draft ({e.Outcomes.Count(o => o.State == OutcomeEvaluationState.Completed)} of 5 completed)";
            return new SelfEvaluationOverviewRow(s.Urn, s.Name, s.Locality, s.Phase, status, grades, e?.PersonalDevelopment,
                [.. judged.Where(g => judged.Count > 1 && Rank(g.Value!.Value) == worst && judged.Any(o => Rank(o.Value!.Value) < worst)).Select(g => g.Key)]);
        }).ToList();
        var outcomes = EcmOutcomes.All.Select(o => new OutcomeSummary(o, rows.Count(r => r.Grades[o] is not null), rows.Count(r => r.Weakest.Contains(o)))).ToList();
        var priorities = evaluations.Values
            .SelectMany(e => e.Outcomes.SelectMany(o => o.Priorities).SelectMany(p => p.Serves).Distinct().Select(id => (e.Urn, id)))
            .GroupBy(x => x.id).Select(g => new RecurringPriority(plan.GetValueOrDefault(g.Key, $"Priority {g.Key}"), g.Select(x => x.Urn).Distinct().Count()))
            .OrderByDescending(p => p.Schools).ThenBy(p => p.Title).ToList();
        return OperationResult<SelfEvaluationOverview>.Ok(new(year, filter, localities, rows, outcomes, priorities));
    }

    /// <summary>The rows as a table for CSV and Excel.</summary>
    public static ExportTable Export(SelfEvaluationOverview view) => new(
        $"Well-being self-evaluations, {view.Title}",
        ["URN", "School", "Locality", "Phase", "Status", .. EcmOutcomes.All.Select(o => o.DisplayName()), "Personal development", "Weakest outcomes"],
        [.. view.Rows.Select(r => (IReadOnlyList<object?>)[r.Urn, r.Name, r.Locality, r.Phase.DisplayName(), r.Status,
            .. EcmOutcomes.All.Select(o => (object?)r.Grades[o]?.Describe()), r.PersonalDevelopment?.Describe(), string.Join("; ", r.Weakest.Select(o => o.DisplayName()))])],
        [$"{view.NotCompleted} of {view.Rows.Count} schools have not completed their self-evaluation."]);

    private static int Rank(JudgementGrade grade) => grade.ReportCard is { } r ? (int)r : (int)grade.FourPoint!.Value;
}
