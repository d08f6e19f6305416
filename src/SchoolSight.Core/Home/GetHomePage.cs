using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Home;

/// <summary>A school user's or governor's own school on their home page: its agreed level and where its reports are.</summary>
public sealed record OwnSchool(int Urn, string Name, SchoolLevelView? Level, int? OpenCaseId, DateOnly? LatestMeetingHeld, int? LatestMeetingId, int? LatestFiguresYear);

/// <summary>
/// What needs the reader today, most urgent and newest first, with the counts per part; since when "new" is counted
/// (their previous sign-in, or the last two weeks); and for school users and governors their own school.
/// </summary>
public sealed record HomePage(DateTime Since, bool SinceLastSignIn, DateOnly Today, IReadOnlyList<HomeItem> Items, OwnSchool? School)
{
    public int Count(HomeSection section) => Items.Count(i => i.Section == section);
    public int Overdue => Items.Count(i => i.Urgency == HomeUrgency.Overdue);
    public bool NothingNeedsYou => Items.Count == 0;
}

/// <summary>
/// A home page per role (docs/home.md). Every item comes from the operation or rule the page it links to uses: the
/// SMT's proposals (<see cref="GetProposals"/>), the programme's lifecycle and deadlines, the QUAS queue
/// (<see cref="GetQuasQueue"/>), level decisions and the headline trends of the risk register, and the import history.
/// The query filters keep each reader to their own schools.
/// </summary>
[Operation]
public sealed class GetHomePage(AppDbContext db, GetProposals proposals, GetQuasQueue quas, GetSchoolLevel levels, IndicatorCatalogueSource source, FiguresCache? figuresCache = null)
{
    public const int DefaultLookBackDays = 14;

    public async Task<HomePage> RunAsync(CancellationToken ct = default)
    {
        var today = db.Today();
        if (db.CurrentUser.Role is not { } role) return new HomePage(db.UtcNow, false, today, [], null);
        var last = await LastSignIn.BeforeThisSessionAsync(db, ct);
        var since = last ?? db.UtcNow.AddDays(-DefaultLookBackDays);
        var items = new List<HomeItem>();

        if (HomeAudience.DecidesLevels(role) && (await proposals.WaitingCountAsync(ct)).Value is { Waiting: > 0 } waiting)
            items.Add(new(HomeSection.Decisions, HomeUrgency.Waiting,
                $"{waiting.Waiting} level{(waiting.Waiting == 1 ? "" : "s")} of support to agree",
                waiting.Changes == 0 ? "None would change a school's level" : $"{waiting.Changes} would change a school's level",
                "/Categorisation", await LatestProposalAsync(ct)));
        if (HomeAudience.SeesProgramme(role))
            items.AddRange(await ProgrammeItems.LoadAsync(db, HomeAudience.MeetsDeadlines(role), ct));
        if (HomeAudience.WorksQuasQueue(role) && (await quas.RunAsync(ct)).Value is { } queue)
            items.AddRange(queue.Select(q => new HomeItem(HomeSection.Decisions, HomeUrgency.Waiting, $"{q.SchoolName}: {q.What}",
                q.Answered ? $"The school has answered; waiting {Days(q.DaysWaiting)}" : $"Waiting {Days(q.DaysWaiting)}",
                $"/Schools/{q.Urn}/HealthySchools", DateTime.SpecifyKind(q.SentAt, DateTimeKind.Utc), Urn: q.Urn)));
        if (HomeAudience.FollowsSchools(role))
            items.AddRange(await SchoolChanges.LoadAsync(db, source, since, ct, figuresCache));
        if (HomeAudience.RunsImports(role))
            items.AddRange(await FailedImportsAsync(since, ct));

        var school = role.IsSchoolBound() ? await OwnSchoolAsync(ct) : null;
        return new HomePage(since, last is not null, today, HomeItem.InOrder(items), school);
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private async Task<DateTime> LatestProposalAsync(CancellationToken ct) =>
        DateTime.SpecifyKind(await db.LevelProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Open)
            .MaxAsync(p => (DateTime?)p.ProposedAt, ct) ?? db.UtcNow, DateTimeKind.Utc);

    /// <summary>Import attempts since <paramref name="since"/> that changed nothing: rejected, failed, or stopped more than an hour ago.</summary>
    private async Task<IEnumerable<HomeItem>> FailedImportsAsync(DateTime since, CancellationToken ct)
    {
        var stalled = db.UtcNow.AddHours(-1);
        var failed = await db.Imports.AsNoTracking()
            .Where(i => i.At > since && (i.Outcome == ImportOutcome.Rejected || i.Outcome == ImportOutcome.Failed || (i.Outcome == ImportOutcome.DidNotFinish && i.At < stalled)))
            .OrderByDescending(i => i.At).Take(50).ToListAsync(ct);
        return failed.Select(i => new HomeItem(HomeSection.Imports, HomeUrgency.Waiting, $"{i.Kind} import {i.Outcome.Display().ToLowerInvariant()}: {i.FileName}",
            i.ErrorCount > 0 ? $"{i.ErrorCount:N0} problem{(i.ErrorCount == 1 ? "" : "s")} in the file" : "Nothing was changed",
            $"/Imports/{i.Id}", DateTime.SpecifyKind(i.At, DateTimeKind.Utc)));
    }

    /// <summary>The school of a school user or governor: the only school the query filter lets them see.</summary>
    private async Task<OwnSchool?> OwnSchoolAsync(CancellationToken ct)
    {
        var own = await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.Name }).FirstOrDefaultAsync(ct);
        if (own is null) return null;
        var level = (await levels.RunAsync(own.Urn, ct)).Value;
        var meeting = await db.ProgrammeCases.AsNoTracking().Where(c => c.Urn == own.Urn).SelectMany(c => c.Meetings)
            .Where(m => m.HeldOn != null).OrderByDescending(m => m.HeldOn).Select(m => new { m.Id, m.CaseId, m.HeldOn }).FirstOrDefaultAsync(ct);
        var code = own.Urn.ToString();
        var year = await db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == Domain.Indicators.AreaKind.School && r.AreaCode == code)
            .MaxAsync(r => (int?)r.AcademicYear, ct);
        return new OwnSchool(own.Urn, own.Name, level, level?.OpenCaseId ?? meeting?.CaseId, meeting?.HeldOn, meeting?.Id, year);
    }
}
