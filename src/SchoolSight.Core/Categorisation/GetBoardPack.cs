using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <param name="Reasons">The reasons that decided the school's level (<see cref="LevelDecisionView.DecidingReasons"/>).</param>
/// <param name="Changes">What changed for the school since the board's previous meeting; empty at a board's first.</param>
public sealed record ConcernRow(int Urn, string Name, LevelOfSupport? Level, IReadOnlyList<string> Reasons, OfstedAsAt? Ofsted, CaseStanding? Case, IReadOnlyList<string> Changes);

public sealed record CategoryRow(int Urn, string Name, OfstedAsAt Ofsted, LevelOfSupport? Level);

public sealed record LevelChangeRow(int Urn, string Name, LevelOfSupport? From, LevelOfSupport To, string DecidedBy, DateOnly DecidedOn);

/// <summary>A school that entered or left an Ofsted category between the meetings, with its outcome before and after.</summary>
public sealed record OfstedChangeRow(int Urn, string Name, OfstedAsAt? Before, OfstedAsAt After)
{
    public bool Entered => After.InCategory && Before?.InCategory != true;
    public bool Left => !After.InCategory && Before?.InCategory == true;
}

public sealed record CaseChangeRow(int Urn, string Name, int CaseId, bool Entered, DateOnly On, SupportTier Tier);

public sealed record LocalitySection(
    int? LocalityId, string Name, int Schools, IReadOnlyList<ConcernRow> CausingConcern, IReadOnlyList<CategoryRow> InOfstedCategories,
    IReadOnlyList<LevelChangeRow> LevelChanges, IReadOnlyList<OfstedChangeRow> OfstedChanges, IReadOnlyList<CaseChangeRow> CaseChanges);

/// <summary>How many schools were at a level at the previous meeting (null at a board's first) and at this one.</summary>
public sealed record LevelCount(LevelOfSupport? Level, int? Then, int Now);

/// <param name="NewResults">The published results imported since the previous meeting: new evidence for every school.</param>
public sealed record BoardPack(string LaName, BoardMeetingView Meeting, BoardMeetingView? Previous, IReadOnlyList<LocalitySection> Sections, IReadOnlyList<LevelCount> Counts,
    IReadOnlyList<string> NewResults);

/// <summary>
/// A board meeting's pack: as at the meeting's date (a school's level is the SMT's latest
/// decision on or before that day; its Ofsted outcome the latest inspection by then), for the SSEB every locality and
/// for a locality board its own schools, grouped by locality — the schools causing concern (Targeted or Intensive, or
/// in the Improving Outcomes Programme) with the reasons that decided each one's level and what changed for it, the
/// schools in an Ofsted category, and what moved since the same board's
/// previous meeting: level changes, schools entering or leaving a category, programme cases entered or closed; with
/// the count of schools at each level then and now. Null when there is no such meeting.
/// </summary>
[Operation]
public sealed class GetBoardPack(AppDbContext db, GetBoardMeeting getMeeting, PeopleNames people)
{
    public async Task<BoardPack?> RunAsync(int meetingId, CancellationToken ct = default)
    {
        if (await getMeeting.RunAsync(meetingId, ct) is not { } meeting) return null;
        var previous = await db.BoardMeetings.AsNoTracking()
            .Where(m => m.LocalityId == meeting.LocalityId && (m.MeetsOn < meeting.MeetsOn || (m.MeetsOn == meeting.MeetsOn && m.Id < meeting.Id)))
            .OrderByDescending(m => m.MeetsOn).ThenByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        var las = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        var laCodes = las.Select(l => l.Code).ToList();
        var day = meeting.MeetsOn;

        var query = db.Schools.AsNoTracking().Where(s => laCodes.Contains(s.Details.LaCode));
        if (meeting.LocalityId is { } only) query = query.Where(s => s.LocalityId == only);
        var schools = (await query.Select(s => new { s.Urn, s.Details.Name, s.LocalityId, s.Details.Status, s.Details.OpenDate, s.Details.CloseDate }).ToListAsync(ct))
            .Where(s => (s.OpenDate is null || s.OpenDate <= day) && (s.Status != SchoolStatus.Closed && s.Status != SchoolStatus.ProposedToOpen || s.CloseDate > day))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Urn).ToList();
        var localities = await db.Localities.AsNoTracking().Where(l => laCodes.Contains(l.LaCode) && (meeting.LocalityId == null || l.Id == meeting.LocalityId))
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var standings = await SchoolStandings.LoadAsync(db, [.. schools.Select(s => s.Urn)], ct);
        var since = previous?.MeetsOn;
        var nameOf = await people.ResolverAsync(ct);
        bool Between(DateOnly? d) => since is { } from && d is { } x && x > from && x <= day;
        var changes = since is { } start ? await SinceLastMeeting.LoadAsync(db, standings, [.. schools.Select(s => s.Urn)], start, day, ct) : null;

        var groups = localities.Select(l => ((int?)l.Id, l.Name)).ToList();
        if (meeting.LocalityId is null && schools.Any(s => s.LocalityId is null)) groups.Add((null, "No locality"));
        var sections = groups.Select(g =>
        {
            var mine = schools.Where(s => s.LocalityId == g.Item1).ToList();
            var concern = new List<ConcernRow>();
            var category = new List<CategoryRow>();
            var levelChanges = new List<LevelChangeRow>();
            var ofstedChanges = new List<OfstedChangeRow>();
            var caseChanges = new List<CaseChangeRow>();
            foreach (var s in mine)
            {
                var level = standings.LevelOn(s.Urn, day);
                var ofsted = standings.OfstedOn(s.Urn, day);
                var openCase = standings.CaseOn(s.Urn, day);
                if (level?.Level is LevelOfSupport.Targeted or LevelOfSupport.Intensive || openCase is not null)
                    concern.Add(new ConcernRow(s.Urn, s.Name, level?.Level, level?.DecidingReasons ?? [], ofsted, openCase, changes?.For(s.Urn) ?? []));
                if (ofsted is { InCategory: true }) category.Add(new CategoryRow(s.Urn, s.Name, ofsted, level?.Level));
                if (since is not { } from) continue;
                levelChanges.AddRange(standings.Decisions(s.Urn).Where(d => Between(d.DecidedOn) && d.PreviousLevel != d.Level)
                    .Select(d => new LevelChangeRow(s.Urn, s.Name, d.PreviousLevel, d.Level, nameOf(d.DecidedBy), d.DecidedOn)));
                var before = standings.OfstedOn(s.Urn, from);
                if (ofsted is not null && Between(ofsted.InspectionDate) && (ofsted.InCategory || before?.InCategory == true))
                    ofstedChanges.Add(new OfstedChangeRow(s.Urn, s.Name, before, ofsted));
                foreach (var c in standings.Cases(s.Urn))
                {
                    if (Between(c.EntryAgreedOn)) caseChanges.Add(new CaseChangeRow(s.Urn, s.Name, c.Id, true, c.EntryAgreedOn!.Value, CaseStanding.On(c, c.EntryAgreedOn.Value, db.Clock)?.Tier ?? c.Tier));
                    if (c.EntryAgreedOn is not null && Between(c.ClosedOn)) caseChanges.Add(new CaseChangeRow(s.Urn, s.Name, c.Id, false, c.ClosedOn!.Value, c.Tier));
                }
            }
            return new LocalitySection(g.Item1, g.Name, mine.Count,
                [.. concern.OrderByDescending(r => r.Level is { } l ? (int)l : -1).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
                category, [.. levelChanges.OrderBy(r => r.DecidedOn).ThenBy(r => r.Name)], ofstedChanges, [.. caseChanges.OrderBy(r => r.On)]);
        }).ToList();

        var levels = new LevelOfSupport?[] { LevelOfSupport.Intensive, LevelOfSupport.Targeted, LevelOfSupport.Universal, null };
        var counts = levels.Select(l => new LevelCount(l,
            since is { } then ? schools.Count(s => standings.LevelOn(s.Urn, then)?.Level == l) : null,
            schools.Count(s => standings.LevelOn(s.Urn, day)?.Level == l))).ToList();
        var previousView = previous is null ? null : BoardNames.View(previous, meeting.BoardName);
        return new BoardPack(las.FirstOrDefault()?.Name ?? "The local authority", meeting, previousView, sections, counts, changes?.NewResults ?? []);
    }
}
