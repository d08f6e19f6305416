using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Categorisation;

/// <summary>One SMT decision on a school's level, as the register and the board packs read it.</summary>
public sealed record LevelDecisionView(
    long Id, int Urn, LevelOfSupport Level, LevelOfSupport? PreviousLevel, LevelOfSupport? ProposedLevel, string Reasons, string Reason, string DecidedBy, DateTime DecidedAt)
{
    /// <summary>The LA's date of the decision (set when loaded, from <see cref="DecidedAt"/>).</summary>
    public DateOnly DecidedOn { get; init; }
    /// <summary>The reasons without their evidence: the school's level page has the evidence.</summary>
    public IReadOnlyList<string> ReasonLines => SchoolLevelDecision.Summaries(Reasons);

    /// <summary>The reasons that decided the level, for a board (<see cref="SchoolLevelDecision.Deciding"/>).</summary>
    public IReadOnlyList<string> DecidingReasons => SchoolLevelDecision.Deciding(Level, ProposedLevel, Reasons, Reason);

    /// <summary>+1 more support, -1 less, 0 the same; a first decision is 0.</summary>
    public int Movement => PreviousLevel is { } before ? Math.Sign((int)Level - (int)before) : 0;
}

/// <summary>
/// A school's Ofsted position on a day: its latest graded inspection by then, in its own framework's terms (a report
/// card's grades are <see cref="ReportCard"/>, with no overall grade).
/// </summary>
public sealed record OfstedAsAt(DateOnly InspectionDate, OfstedJudgement? Overall, CategoryOfConcern? Category)
{
    /// <summary>The report card's evaluation areas and grades, in Ofsted's order (inspections from 10 November 2025).</summary>
    public IReadOnlyList<(string Area, ReportCardGrade Grade)> ReportCard { get; init; } = [];

    /// <summary>Safeguarding effective, or on a report card its standards met; null when not recorded.</summary>
    public bool? Safeguarding { get; init; }

    public OfstedFramework Framework => OfstedFrameworks.For(InspectionDate);

    /// <summary>Graded from September 2024, when Ofsted stopped judging overall effectiveness.</summary>
    public bool OverallNotGraded => Overall is null && InspectionDate >= OfstedOutcome.OverallJudgementsEnded;

    /// <summary>In an Ofsted category: special measures, serious weaknesses, notice to improve, or judged inadequate.</summary>
    public bool InCategory => Category is not null || Overall == OfstedJudgement.Inadequate;

    /// <summary>The outcome as of <paramref name="day"/>: the latest inspection if it was by then, else the one before.</summary>
    public static OfstedAsAt? On(OfstedOutcome outcome, DateOnly day)
    {
        if (outcome.InspectionDate is { } latest && latest <= day)
            return OfstedFrameworks.For(latest) == OfstedFramework.ReportCard
                ? new(latest, outcome.OverallEffectiveness, outcome.CategoryOfConcern) { ReportCard = outcome.ReportCardGrades, Safeguarding = outcome.SafeguardingEffective }
                : new(latest, outcome.OverallEffectiveness, outcome.CategoryOfConcern) { Safeguarding = outcome.SafeguardingEffective };
        if (outcome.PreviousInspectionDate is { } previous && previous <= day) return new(previous, outcome.PreviousOverallEffectiveness, outcome.PreviousCategoryOfConcern);
        return null;
    }
}

/// <summary>A programme case as it stood on a day.</summary>
public sealed record CaseStanding(int Id, SupportTier Tier, CaseState State)
{
    /// <summary>The case on <paramref name="day"/>, from its decision log; null when it was not open that day.</summary>
    public static CaseStanding? On(ImprovingOutcomesCase c, DateOnly day, LaClock clock)
    {
        if (c.ProposedOn > day || (c.ClosedOn is { } closed && closed <= day)) return null;
        var decisions = c.Decisions.OrderBy(d => d.At).ThenBy(d => d.Id).ToList();
        var state = decisions.LastOrDefault(d => clock.DateOf(d.At) <= day)?.To ?? CaseState.Proposed;
        // A later change of tier says what the tier was before it.
        var tier = decisions.FirstOrDefault(d => clock.DateOf(d.At) > day && d.Move is CaseMoveName.MoveToIntensiveSupport or CaseMoveName.MoveToTargetedSupport) switch
        {
            { Move: CaseMoveName.MoveToIntensiveSupport } => SupportTier.Targeted,
            { Move: CaseMoveName.MoveToTargetedSupport } => SupportTier.Intensive,
            _ => c.Tier,
        };
        return new CaseStanding(c.Id, tier, state);
    }
}

/// <summary>
/// The categorisation records of a set of schools, loaded in one query each (decisions, Ofsted, programme cases), with
/// the look-ups the risk register and the board packs make: a school's level on a day, its Ofsted outcome on a day, its
/// open case on a day. The list of schools goes to the database as one parameter (<c>EF.Parameter</c>): a whole LA's
/// schools as hundreds of separate parameters cost SQLite more than the query itself.
/// </summary>
internal sealed class SchoolStandings
{
    private readonly ILookup<int, LevelDecisionView> _decisions;
    private readonly Dictionary<int, OfstedOutcome> _ofsted;
    private readonly ILookup<int, ImprovingOutcomesCase> _cases;
    private readonly LaClock _clock;

    private SchoolStandings(ILookup<int, LevelDecisionView> decisions, Dictionary<int, OfstedOutcome> ofsted, ILookup<int, ImprovingOutcomesCase> cases, LaClock clock)
    {
        _clock = clock;
        _decisions = decisions;
        _ofsted = ofsted;
        _cases = cases;
    }

    public static async Task<SchoolStandings> LoadAsync(AppDbContext db, IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var list = urns.ToList();
        var decisions = await db.SchoolLevels.AsNoTracking().Where(d => EF.Parameter(list).Contains(d.Urn))
            .Select(d => new LevelDecisionView(d.Id, d.Urn, d.Level, d.PreviousLevel, d.ProposedLevel, d.Reasons, d.Reason, d.DecidedBy, d.DecidedAt))
            .ToListAsync(ct);
        var ofsted = await OfstedAsync(db, list, ct);
        var cases = await db.ProgrammeCases.AsNoTracking().Include(c => c.Decisions).Where(c => EF.Parameter(list).Contains(c.Urn)).ToListAsync(ct);
        return new SchoolStandings(InOrder(db, decisions), ofsted, cases.ToLookup(c => c.Urn), db.Clock);
    }

    /// <summary>
    /// Only the schools' level decisions, without their reasons: enough for <see cref="LevelOn"/> and the level of
    /// <see cref="Latest"/>, as the charts of levels over time read them, in one small query.
    /// </summary>
    public static async Task<SchoolStandings> LoadLevelsAsync(AppDbContext db, IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var list = urns.ToList();
        var decisions = await db.SchoolLevels.AsNoTracking().Where(d => EF.Parameter(list).Contains(d.Urn))
            .Select(d => new LevelDecisionView(d.Id, d.Urn, d.Level, d.PreviousLevel, null, "", "", "", d.DecidedAt)).ToListAsync(ct);
        return new SchoolStandings(InOrder(db, decisions), [], NoCases, db.Clock);
    }

    /// <summary>Only the schools' Ofsted outcomes (<see cref="OfstedOn"/>, <see cref="Ofsted"/>), in two queries.</summary>
    public static async Task<SchoolStandings> LoadOfstedAsync(AppDbContext db, IReadOnlyCollection<int> urns, CancellationToken ct) =>
        new(NoDecisions, await OfstedAsync(db, [.. urns], ct), NoCases, db.Clock);

    private static readonly ILookup<int, LevelDecisionView> NoDecisions = Array.Empty<LevelDecisionView>().ToLookup(d => d.Urn);
    private static readonly ILookup<int, ImprovingOutcomesCase> NoCases = Array.Empty<ImprovingOutcomesCase>().ToLookup(c => c.Urn);

    private static ILookup<int, LevelDecisionView> InOrder(AppDbContext db, List<LevelDecisionView> decisions) =>
        decisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Select(d => d with { DecidedOn = db.Clock.DateOf(d.DecidedAt) }).ToLookup(d => d.Urn);

    private static async Task<Dictionary<int, OfstedOutcome>> OfstedAsync(AppDbContext db, List<int> list, CancellationToken ct)
    {
        var ofsted = await db.OfstedInspections.AsNoTracking().Where(o => EF.Parameter(list).Contains(o.Urn)).ToDictionaryAsync(o => o.Urn, o => o.Outcome, ct);
        // Where no Ofsted file has been imported for a school, its GIAS rating, as the categorisation rules read it.
        var gias = await db.Schools.AsNoTracking().Where(s => EF.Parameter(list).Contains(s.Urn) && s.Details.OfstedLastInspection != null)
            .Select(s => new { s.Urn, s.Details.OfstedRating, s.Details.OfstedLastInspection }).ToListAsync(ct);
        foreach (var school in gias.Where(g => !ofsted.ContainsKey(g.Urn)))
            if (CategorisationEvidence.FromGias(school.OfstedRating, school.OfstedLastInspection) is { } rating)
                ofsted[school.Urn] = new OfstedOutcome { InspectionDate = rating.InspectionDate, OverallEffectiveness = rating.OverallEffectiveness, CategoryOfConcern = rating.Category };
        return ofsted;
    }

    /// <summary>Every decision on the school, oldest first.</summary>
    public IEnumerable<LevelDecisionView> Decisions(int urn) => _decisions[urn];

    /// <summary>The decision in force at the end of <paramref name="day"/>: the latest on or before it; null when none.</summary>
    /// <remarks>A chart asks this of every school for every month, so it walks the school's decisions without a closure.</remarks>
    public LevelDecisionView? LevelOn(int urn, DateOnly day)
    {
        LevelDecisionView? found = null;
        foreach (var decision in _decisions[urn])
            if (decision.DecidedOn <= day) found = decision;
        return found;
    }

    public LevelDecisionView? Latest(int urn) => _decisions[urn].LastOrDefault();

    public OfstedAsAt? OfstedOn(int urn, DateOnly day) => _ofsted.TryGetValue(urn, out var o) ? OfstedAsAt.On(o, day) : null;

    public OfstedOutcome? Ofsted(int urn) => _ofsted.GetValueOrDefault(urn);

    public IEnumerable<ImprovingOutcomesCase> Cases(int urn) => _cases[urn];

    /// <summary>The school's case open on <paramref name="day"/> (the latest proposed, should there be two).</summary>
    public CaseStanding? CaseOn(int urn, DateOnly day) =>
        _cases[urn].OrderByDescending(c => c.ProposedOn).ThenByDescending(c => c.Id).Select(c => CaseStanding.On(c, day, _clock)).FirstOrDefault(s => s is not null);
}
