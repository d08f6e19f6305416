using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// The programme's reminders: for every open deadline of every open case, one to each responsible person a configured
/// number of days before it is due (<see cref="ReminderOptions.DaysBefore"/>), and another once it is overdue.
/// </summary>
[Operation]
public sealed class ProgrammeDeadlineReminders(AppDbContext db, IOptions<ReminderOptions> options) : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, CancellationToken ct)
    {
        var o = options.Value;
        var cases = await db.WholeCases().AsNoTracking().IgnoreQueryFilters().Where(c => c.State != CaseState.Closed).ToListAsync(ct);
        if (cases.Count == 0) return [];
        var urns = cases.Select(c => c.Urn).Distinct().ToList();
        var schools = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var people = await ReminderRecipients.LoadAsync(db, ct);
        var sips = (await db.SipAssignments.IgnoreQueryFilters().Where(a => urns.Contains(a.Urn)).Select(a => new { a.Urn, a.UserId }).ToListAsync(ct))
            .ToLookup(a => a.Urn, a => a.UserId);
        var calendar = await db.LoadCalendarAsync(ct);

        var due = new List<DueReminder>();
        foreach (var c in cases.OrderBy(c => c.Id))
        {
            var school = schools.GetValueOrDefault(c.Urn, $"URN {c.Urn}");
            foreach (var d in ProgrammeDeadlines.For(c, calendar).Where(d => d.IsOpen))
            {
                if (ReminderText.KindOn(today, d.DueOn, o.DaysBefore) is not { } kind) continue;
                IEnumerable<string> responsible = d.Owner switch
                {
                    DeadlineOwner.CaseOfficer => [c.CaseOfficerEmail],
                    DeadlineOwner.School => [c.CaseOfficerEmail, .. people.SchoolUsers(c.Urn)],
                    DeadlineOwner.Monitoring => [c.CaseOfficerEmail, .. sips[c.Urn].SelectMany(people.ById)],
                };
                var (subject, body) = Compose(c, school, d, kind, today, o.BaseUrl);
                due.AddRange(ReminderText.Addresses(responsible).Select(to => new DueReminder(d.Key, kind, d.DueOn, to, subject, body, c.Id)));
            }
        }
        return due;
    }

    private static (string Subject, string Body) Compose(ImprovingOutcomesCase c, string school, Deadline d, ReminderKind kind, DateOnly today, string? baseUrl)
    {
        var body = $"""
            Improving Outcomes Programme: {school} (URN {c.Urn})

            {d.Title}
            {ReminderText.When(kind, d.DueOn, today)}.
            How the date was set: {d.Rule}.

            Case officer: {c.CaseOfficerName}
            Open the case: {ReminderText.Link(baseUrl, $"/Programme/Cases/{c.Id}")}

            You receive this because you are responsible for this deadline. SchoolSight sends one reminder before a deadline and one when it is overdue.
            """;
        return (ReminderText.Subject(kind, d.Title, school), body);
    }
}
