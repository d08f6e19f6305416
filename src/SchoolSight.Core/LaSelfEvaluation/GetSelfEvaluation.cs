using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>One cell of the dashboard: a standard for a phase, as rated (or not yet), with last year's rating for movement.</summary>
public sealed record RatingCell(
    string StandardId, SefPhase Phase, RagRating? Rating, RagRating? External, string? ExternalNote, IReadOnlySet<string> Met,
    IReadOnlyList<(string Title, string? Link)> Evidence, string? ComputedFigures, string? OverrideReason, string? RatedBy, DateTime? RatedAt,
    int Version, RagRating? LastYear)
{
    /// <summary>+1 better than last year, -1 worse, 0 the same, null when either is not rated.</summary>
    public int? Movement => Rating is { } now && LastYear is { } then ? Math.Sign((int)then - (int)now) : null;

    public bool DiffersFromExternal => External is { } e && Rating is { } r && e != r;
}

/// <summary>An overall rating of one group for one phase (or the whole LA when <see cref="Phase"/> is null), the LA's and the external reviewer's.</summary>
public sealed record OverallCell(StandardGroup Group, SefPhase? Phase, RagRating? Rating, RagRating? External);

/// <summary>One year of the history: its status and its overall ratings per group (the LA's, by the LA's rule).</summary>
public sealed record YearSummary(int AcademicYear, SelfEvaluationState State, RagRating? Impact, RagRating? RiskManagement);

public sealed record SelfEvaluationDashboard(
    int AcademicYear, string LaName, QualityStandardSet Standards, SelfEvaluationState? State, int Version,
    string? SignedOffBy, DateTime? SignedOffAt, string? SignOffReason,
    IReadOnlyList<RatingCell> Cells, IReadOnlyList<OverallCell> Overall, ComputedFigures Figures, IReadOnlyList<int> Years)
{
    /// <summary>Every year's overall ratings, latest first.</summary>
    public IReadOnlyList<YearSummary> History { get; init; } = [];

    /// <summary>The sign-off moves open to the person reading, with what stands in their way.</summary>
    public IReadOnlyList<OpenMove<LaSelfEvaluationYear, SelfEvaluationState, SelfEvaluationMove, MoveContext>> Moves { get; init; } = [];

    public RatingCell? Cell(string standardId, SefPhase phase) => Cells.FirstOrDefault(c => c.Phase == phase && c.StandardId == standardId);

    public OverallCell? OverallFor(StandardGroup group, SefPhase? phase) => Overall.FirstOrDefault(o => o.Group == group && o.Phase == phase);

    public bool IsStarted => State is not null;
}

/// <summary>
/// The LA's self-evaluation for an academic year as the RAG dashboard shows it: every standard and phase with its
/// rating, the overall ratings by the LA's rule, the external reviewer's where given, last year's for movement, and
/// the figures SchoolSight works out today. For the SMT, QA manager, M&amp;I team and LA administrator only.
/// </summary>
[Operation]
public sealed class GetSelfEvaluation(AppDbContext db, QualityStandardsSource source)
{
    public async Task<OperationResult<SelfEvaluationDashboard>> RunAsync(int? academicYear, CancellationToken ct = default)
    {
        if (SelfEvaluationAccess.Refusal(db, ResourceAction.Read) is { } refused) return OperationResult<SelfEvaluationDashboard>.Fail(refused);
        var all = await db.LaSelfEvaluations.AsNoTracking().Include(e => e.Ratings).OrderByDescending(e => e.AcademicYear).ToListAsync(ct);
        var years = all.Select(e => e.AcademicYear).ToList();
        var year = academicYear ?? (years.Count > 0 ? years[0] : AcademicYear.Of(db.Today()));
        var evaluation = all.FirstOrDefault(e => e.AcademicYear == year);
        var lastYear = all.FirstOrDefault(e => e.AcademicYear == year - 1);
        var la = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The LA";
        var standards = source.Standards;

        var cells = new List<RatingCell>();
        foreach (var standard in standards.Standards)
            foreach (var phase in RagRatings.Phases.Where(standard.AppliesTo))
            {
                var r = evaluation?.RatingFor(standard.Id, phase);
                var previous = lastYear?.RatingFor(standard.Id, phase)?.Rating;
                cells.Add(r is null
                    ? new RatingCell(standard.Id, phase, null, null, null, new HashSet<string>(), [], null, null, null, null, 0, previous)
                    : new RatingCell(standard.Id, phase, r.Rating, r.ExternalRating, r.ExternalNote, r.Met, r.EvidenceItems, r.ComputedFigures, r.OverrideReason,
                        r.RatedBy, r.UpdatedAt, r.Version, previous));
            }

        var overall = new List<OverallCell>();
        foreach (var group in new[] { StandardGroup.Impact, StandardGroup.RiskManagement })
        {
            var ids = standards.InGroup(group).Select(s => s.Id).ToHashSet();
            foreach (var phase in RagRatings.Phases)
            {
                var parts = cells.Where(c => c.Phase == phase && ids.Contains(c.StandardId)).ToList();
                overall.Add(new OverallCell(group, phase, OverallRatings.Derive(standards.Overall, parts.Select(c => c.Rating)),
                    OverallRatings.Derive(standards.Overall, parts.Select(c => c.External))));
            }
            var whole = cells.Where(c => ids.Contains(c.StandardId)).ToList();
            overall.Add(new OverallCell(group, null, OverallRatings.Derive(standards.Overall, whole.Select(c => c.Rating)),
                OverallRatings.Derive(standards.Overall, whole.Select(c => c.External))));
        }

        var figures = await SelfEvaluationFigures.LoadAsync(db, year, ct);
        if (!years.Contains(year)) years.Insert(0, year);
        var history = all.Select(e => new YearSummary(e.AcademicYear, e.State, Overall(standards, e, StandardGroup.Impact), Overall(standards, e, StandardGroup.RiskManagement))).ToList();
        var moves = evaluation is not null && db.Actor() is { } actor ? SelfEvaluationSteps.Workflow(standards).MovesFor(evaluation, db.MoveBy(actor, null)) : [];
        return OperationResult<SelfEvaluationDashboard>.Ok(new SelfEvaluationDashboard(year, la, standards, evaluation?.State, evaluation?.Version ?? 0,
            evaluation?.SignedOffBy, evaluation?.SignedOffAt, evaluation?.SignOffReason, cells, overall, figures, [.. years.OrderByDescending(y => y)])
        { History = history, Moves = moves });
    }

    private static RagRating? Overall(QualityStandardSet standards, LaSelfEvaluationYear e, StandardGroup group)
    {
        var ids = standards.InGroup(group).Select(s => s.Id).ToHashSet();
        return OverallRatings.Derive(standards.Overall, e.Ratings.Where(r => ids.Contains(r.StandardId)).Select(r => r.Rating));
    }
}
