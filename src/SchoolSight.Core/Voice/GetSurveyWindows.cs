using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Voice;

/// <summary>
/// The online surveys the user may follow (the query filter keeps each user to their schools), newest first, with the
/// response rate per year group and for parents while they run: codes printed, started, and sent.
/// </summary>
[Operation]
public sealed class GetSurveyWindows(AppDbContext db)
{
    /// <summary>The group of the parents' codes.</summary>
    public const string ParentsGroup = "Parents";

    public sealed record Rate(string Group, int Codes, int Started, int Sent)
    {
        public int Percent => Codes == 0 ? 0 : (int)Math.Round(100.0 * Sent / Codes);
    }

    public sealed record Window(long Id, int Urn, string School, string Title, int AcademicYear, DateOnly OpensOn, DateOnly ClosesOn,
        bool IsOpen, int Version, IReadOnlyList<Rate> Rates, DateOnly? ClosedEarlyOn, bool HasClosed)
    {
        /// <summary>Open, closed early, closed (past its last day) or not open yet.</summary>
        public string Status => IsOpen ? "Open" : ClosedEarlyOn is not null ? "Closed early" : HasClosed ? "Closed" : "Not open yet";

        public Rate Total => new("All", Rates.Sum(r => r.Codes), Rates.Sum(r => r.Started), Rates.Sum(r => r.Sent));
    }

    public async Task<IReadOnlyList<Window>> RunAsync(int? urn = null, long? windowId = null, CancellationToken ct = default)
    {
        var query = db.SurveyWindows.AsNoTracking();
        if (urn is { } u) query = query.Where(w => w.Urn == u);
        if (windowId is { } id) query = query.Where(w => w.Id == id);
        var windows = await query.OrderByDescending(w => w.OpensOn).ThenBy(w => w.Urn).Take(500).ToListAsync(ct);
        var ids = windows.Select(w => w.Id).ToList();
        var counts = await db.SurveyCodes.AsNoTracking().Where(c => ids.Contains(c.WindowId))
            .GroupBy(c => new { c.WindowId, c.Respondent, c.YearGroup })
            .Select(g => new { g.Key.WindowId, g.Key.Respondent, g.Key.YearGroup, Codes = g.Count(), Started = g.Count(c => c.StartedAt != null), Sent = g.Count(c => c.SentAt != null) })
            .ToListAsync(ct);
        var urns = windows.Select(w => w.Urn).Distinct().ToList();
        var names = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var today = db.Today();
        return [.. windows.Select(w => new Window(w.Id, w.Urn, names.GetValueOrDefault(w.Urn, $"School {w.Urn}"), w.Title, w.AcademicYear, w.OpensOn,
            w.LastDay, w.IsOpen(today), w.Version,
            [.. counts.Where(c => c.WindowId == w.Id)
                .OrderBy(c => c.Respondent).ThenBy(c => c.YearGroup)
                .Select(c => new Rate(c.Respondent == RespondentType.Parent ? ParentsGroup : OpenSurveyWindow.ClassName(c.YearGroup, 1, 1), c.Codes, c.Started, c.Sent))],
            w.ClosedEarlyOn, w.HasClosed(today)))];
    }
}
