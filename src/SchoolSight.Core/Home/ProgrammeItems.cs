using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.Home;

/// <summary>
/// What the Improving Outcomes Programme asks of the reader, from the cases they may see (the programme's query filter
/// applies): the case, warning notice and statutory power moves that are theirs to make and that nothing but their
/// reason stands in the way of — judged by the lifecycle the case pages use — and the deadlines, from the LA's term
/// calendar, that are overdue or due in the next two weeks.
/// </summary>
internal static class ProgrammeItems
{
    public const int DueSoonDays = 14;
    private const string ReasonToBeGiven = "(reason to be given)";

    public static async Task<List<HomeItem>> LoadAsync(AppDbContext db, bool withDeadlines, CancellationToken ct)
    {
        if (db.Actor() is not { } actor) return [];
        var cases = await db.WholeCases().AsNoTracking().Where(c => c.State != CaseState.Closed).ToListAsync(ct);
        if (cases.Count == 0) return [];
        var urns = cases.Select(c => c.Urn).Distinct().ToList();
        var names = await db.Schools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        var caseContext = db.CaseMoveBy(actor, calendar, ReasonToBeGiven);
        var context = db.MoveBy(actor, ReasonToBeGiven);
        var items = new List<HomeItem>();
        foreach (var c in cases)
        {
            var school = names.GetValueOrDefault(c.Urn, $"URN {c.Urn}");
            var href = $"/Programme/Cases/{c.Id}";
            var ready = CaseLifecycle.MovesFor(c, caseContext).Where(m => m.Unmet.Count == 0 && !m.Move.To.Equals(c.State)).Select(m => m.Move.Title).ToList();
            if (ready.Count > 0)
                items.Add(new(HomeSection.Decisions, HomeUrgency.Waiting, $"{school}: {Sentence(ready)}", $"Programme case, {c.State.Describe().ToLowerInvariant()}",
                    href, c.Decisions.Select(d => d.At).DefaultIfEmpty(c.ProposedOn.ToDateTime(TimeOnly.MinValue)).Max(), Urn: c.Urn));
            foreach (var notice in c.WarningNotices)
                if (InterventionSteps.WarningNotices.MovesFor(notice, context).FirstOrDefault(m => m.Unmet.Count == 0) is { } move)
                    items.Add(new(HomeSection.Decisions, HomeUrgency.Waiting, $"{school}: {move.Move.Title.ToLowerInvariant()}", $"Warning notice drafted by {notice.DraftedBy}",
                        $"{href}/Intervention", notice.DraftedAt, Urn: c.Urn));
            foreach (var power in c.Powers)
                if (InterventionSteps.Powers.MovesFor(power, context).FirstOrDefault(m => m.Unmet.Count == 0) is { } move)
                    items.Add(new(HomeSection.Decisions, HomeUrgency.Waiting, $"{school}: {move.Move.Title.ToLowerInvariant()}", $"{power.Power.Describe()}, proposed by {power.ProposedBy}",
                        $"{href}/Intervention", power.ProposedOn.ToDateTime(TimeOnly.MinValue), Urn: c.Urn));
            if (!withDeadlines) continue;
            foreach (var d in ProgrammeDeadlines.For(c, calendar).Where(d => d.IsOpen && d.DueOn <= today.AddDays(DueSoonDays)))
            {
                var overdue = d.StatusOn(today) == DeadlineStatus.Overdue;
                items.Add(new(HomeSection.Deadlines, overdue ? HomeUrgency.Overdue : HomeUrgency.DueSoon, $"{school}: {d.Title}",
                    overdue ? $"Overdue since {d.DueOn:d MMMM yyyy}" : $"Due {d.DueOn:dddd d MMMM yyyy}", DeadlineHref(c.Id, d),
                    d.DueOn.ToDateTime(TimeOnly.MinValue), d.DueOn, c.Urn));
            }
        }
        return items;
    }

    private static string Sentence(IReadOnlyList<string> titles) =>
        string.Join(" or ", titles.Select(t => t.ToLowerInvariant()));

    /// <summary>The case page where the deadline is met.</summary>
    public static string DeadlineHref(int caseId, Deadline d)
    {
        var root = $"/Programme/Cases/{caseId}";
        return d.Kind switch
        {
            DeadlineKind.Agenda or DeadlineKind.ProgressReport or DeadlineKind.Minutes when MeetingId(d.Key) is { } meeting => $"{root}/Meetings/{meeting}",
            DeadlineKind.Agenda or DeadlineKind.ProgressReport or DeadlineKind.Minutes or DeadlineKind.ProgrammeMeeting => $"{root}/Meetings",
            DeadlineKind.ManagementGroupMeeting => $"{root}/ManagementGroup",
            DeadlineKind.PlanAction => $"{root}/Plan",
            DeadlineKind.MonitoringVisit => $"{root}/Exit",
            _ => root,
        };
    }

    private static string? MeetingId(string key)
    {
        var parts = key.Split('/');
        var at = Array.IndexOf(parts, "meeting");
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : null;
    }
}
