using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

/// <summary>A case as its page shows it: the case (read-only), its school, its deadlines, the warning-notice flag and the moves open to the reader.</summary>
public sealed record CaseView(
    ImprovingOutcomesCase Case,
    string SchoolName,
    DateOnly Today,
    IReadOnlyList<Deadline> Deadlines,
    ThreeTermsRule.Result WarningFlag,
    IReadOnlyList<(CaseMove Move, IReadOnlyList<DomainError> Unmet)> Moves)
{
    public IEnumerable<Deadline> OpenDeadlines => Deadlines.Where(d => d.IsOpen);
    public string ActionTitle(int actionId) => Case.PlanActions.FirstOrDefault(a => a.Id == actionId) is { } a ? $"Action {a.Number}: {a.Description}" : "(removed action)";
}

/// <summary>One case with everything its pages need; not found outside the reader's school scope.</summary>
[Operation]
public sealed class GetCase(AppDbContext db)
{
    public async Task<CaseView?> RunAsync(int caseId, CancellationToken ct = default)
    {
        var c = await db.WholeCases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return null;
        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        var moves = db.Actor() is { } actor ? CaseLifecycle.MovesFor(c, new MoveContext(actor, db.UtcNow, today, calendar, "(reason to be given)")) : [];
        return new CaseView(c, await db.SchoolNameAsync(c.Urn, ct), today, ProgrammeDeadlines.For(c, calendar), ThreeTermsRule.Evaluate(c, calendar, today), moves);
    }
}

/// <summary>The programme dashboard: every case the reader may see, with its next deadlines.</summary>
[Operation]
public sealed class ListProgrammeCases(AppDbContext db)
{
    public sealed record Row(int Id, int Urn, string SchoolName, CaseState State, SupportTier Tier, string CaseOfficer, DateOnly ProposedOn,
        IReadOnlyList<Deadline> NextDeadlines, int Overdue, bool WarningFlag);

    public async Task<IReadOnlyList<Row>> RunAsync(bool includeClosed = false, CancellationToken ct = default)
    {
        var cases = await db.WholeCases().AsNoTracking().Where(c => includeClosed || c.State != CaseState.Closed).ToListAsync(ct);
        var urns = cases.Select(c => c.Urn).Distinct().ToList();
        var names = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        return cases.Select(c =>
            {
                var open = ProgrammeDeadlines.For(c, calendar).Where(d => d.IsOpen).ToList();
                return new Row(c.Id, c.Urn, names.GetValueOrDefault(c.Urn, $"URN {c.Urn}"), c.State, c.Tier, c.CaseOfficerName, c.ProposedOn,
                    open.Take(3).ToList(), open.Count(d => d.StatusOn(today) == DeadlineStatus.Overdue), ThreeTermsRule.Evaluate(c, calendar, today).Flagged);
            })
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.NextDeadlines.Select(d => (DateOnly?)d.DueOn).FirstOrDefault() ?? DateOnly.MaxValue).ThenBy(r => r.SchoolName)
            .ToList();
    }
}
