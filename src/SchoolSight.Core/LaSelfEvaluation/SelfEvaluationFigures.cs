using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>
/// The figures SchoolSight works out for the quantitative criteria, from what it holds today: schools in Ofsted
/// categories (Ofsted's outcomes as imported) and the LA's position among all LAs in England (Ofsted's national file),
/// schools causing concern on trajectory (the programme's cases), and the SIPs' visits and reports of the year. Each says how it
/// was worked out; a figure SchoolSight cannot work out is "not held", with the reason.
/// </summary>
public static partial class SelfEvaluationFigures
{
    public static async Task<ComputedFigures> LoadAsync(AppDbContext db, int academicYear, CancellationToken ct)
    {
        var la = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).FirstOrDefaultAsync(ct);
        var schools = la is null ? [] : await db.Schools.AsNoTracking()
            .Where(s => s.Details.LaCode == la.Code && (s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose))
            .Select(s => new { s.Urn, s.Phase }).ToListAsync(ct);
        var phaseOf = schools.Where(s => PhaseOf(s.Phase) is not null).ToDictionary(s => s.Urn, s => PhaseOf(s.Phase)!.Value);
        var figures = new List<ComputedFigure>();
        figures.AddRange(await InCategoriesAsync(db, phaseOf, ct));
        figures.Add(await NationalPositionAsync(db, la?.Code, ct));
        figures.AddRange(await OnTrajectoryAsync(db, phaseOf, ct));
        figures.AddRange(await SipFiguresAsync(db, academicYear, phaseOf, ct));
        return new ComputedFigures(figures);
    }

    /// <summary>The phase a school is rated in: nursery and early years settings, primary and middle, secondary and all-through.</summary>
    public static SefPhase? PhaseOf(SchoolPhase phase) => phase switch
    {
        SchoolPhase.EarlyYearsSetting or SchoolPhase.Nursery => SefPhase.EarlyYears,
        SchoolPhase.Primary or SchoolPhase.Middle => SefPhase.Primary,
        SchoolPhase.Secondary or SchoolPhase.AllThrough => SefPhase.Secondary,
        _ => null,
    };

    private static async Task<IEnumerable<ComputedFigure>> InCategoriesAsync(AppDbContext db, Dictionary<int, SefPhase> phaseOf, CancellationToken ct)
    {
        var urns = phaseOf.Keys.ToList();
        var inCategory = await db.OfstedInspections.AsNoTracking()
            .Where(i => urns.Contains(i.Urn) && i.Outcome.CategoryOfConcern != null).Select(i => i.Urn).ToListAsync(ct);
        return RagRatings.Phases.Select(phase =>
        {
            var count = inCategory.Count(u => phaseOf[u] == phase);
            var of = phaseOf.Values.Count(p => p == phase);
            return new ComputedFigure(ComputedMeasure.SchoolsInOfstedCategories, phase, count,
                $"{count} of the LA's {of} open {phase.Describe().ToLowerInvariant()} schools are in an Ofsted category of concern (special measures, serious weaknesses or significant improvement) in their latest inspection as imported");
        });
    }

    private static async Task<ComputedFigure> NationalPositionAsync(AppDbContext db, int? laCode, CancellationToken ct)
    {
        var national = await db.NationalOfstedCounts.AsNoTracking().ToListAsync(ct);
        if (national.Count == 0 || laCode is null)
            return new(ComputedMeasure.OfstedCategoriesNationalPosition, null, null, "Ofsted's national outcomes file has not been imported: import it on the published data page to rank the LA among all LAs in England");
        var position = OfstedCategoryRanking.PositionOf(laCode.Value, [.. national.Select(n => n.ToCount())]);
        var asAt = national.Max(n => n.AsAt).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return position is null
            ? new(ComputedMeasure.OfstedCategoriesNationalPosition, null, null, $"The LA is not in Ofsted's national outcomes file imported on {asAt}")
            : new(ComputedMeasure.OfstedCategoriesNationalPosition, null, position.PercentileFromTop,
                $"{position.Describe()} (Ofsted's national outcomes file imported on {asAt}; a rank in the top {position.PercentileFromTop:0.#}% of LAs)");
    }

    /// <summary>
    /// Of the programme's cases whose entry was agreed, those whose latest programme meeting judged progress good or
    /// sufficient are on trajectory; cases with no progress judged yet are left out.
    /// </summary>
    private static async Task<IEnumerable<ComputedFigure>> OnTrajectoryAsync(AppDbContext db, Dictionary<int, SefPhase> phaseOf, CancellationToken ct)
    {
        var cases = await db.ProgrammeCases.AsNoTracking().Where(c => c.EntryAgreedOn != null)
            .Select(c => new
            {
                c.Urn,
                Latest = c.Meetings.Where(m => m.HeldOn != null && m.Judgement != null).OrderByDescending(m => m.HeldOn).Select(m => m.Judgement).FirstOrDefault(),
            }).ToListAsync(ct);
        return RagRatings.Phases.Select(phase =>
        {
            var judged = cases.Where(c => c.Latest is not null && phaseOf.GetValueOrDefault(c.Urn, (SefPhase)(-1)) == phase).ToList();
            if (judged.Count == 0)
                return new ComputedFigure(ComputedMeasure.CausingConcernOnTrajectory, phase, null, $"No {phase.Describe().ToLowerInvariant()} school in the Improving Outcomes Programme has had its progress judged at a programme meeting");
            var onTrack = judged.Count(c => c.Latest is ProgressJudgement.Good or ProgressJudgement.Sufficient);
            return new ComputedFigure(ComputedMeasure.CausingConcernOnTrajectory, phase, Percent(onTrack, judged.Count),
                $"{onTrack} of {judged.Count} {phase.Describe().ToLowerInvariant()} schools in the Improving Outcomes Programme had their latest progress judged good or sufficient at a programme meeting");
        });
    }

    internal static decimal Percent(int part, int whole) => Math.Round(part * 100m / whole, 1);
}
