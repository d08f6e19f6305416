using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes.Reminders;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// Healthy Schools' reminders, sent once each by the reminder scheduler: the annual review of the academic year due
/// (<see cref="HealthySchoolsSettings.ReviewReminderDays"/> before the LA's due day) and overdue, to the school and,
/// once overdue, the coordinator; each early success indicator's timescale due (<see cref="ReminderOptions.DaysBefore"/>)
/// and overdue, the same way, while the school works to its approved plan; a QUAS decision waiting longer than
/// <see cref="HealthySchoolsSettings.QuasWaitingDays"/>, to the panel (a drawn review to its moderator); and the status
/// about to lapse within <see cref="HealthySchoolsSettings.LapseWarningDays"/>, to the school and the coordinator.
/// </summary>
[Operation]
public sealed class HealthySchoolsReminders(AppDbContext db, HealthySchoolsConfiguration configuration, GetQuasQueue queue, IOptions<ReminderOptions> options)
    : IReminderSource
{
    private const string Footer = "You receive this from SchoolSight's Healthy Schools reminders: one before a date and one once it has passed.";

    private static readonly EnhancementStage[] WorkingToThePlan =
        [EnhancementStage.BaselinesAndActivities, EnhancementStage.Implementation, EnhancementStage.Monitoring, EnhancementStage.Review];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, CancellationToken ct)
    {
        var settings = configuration.Settings;
        var statuses = await db.HealthySchoolStatuses.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var engagements = await db.HealthySchoolEngagements.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var waiting = (await queue.RunAsync(ct)).Value ?? [];
        var urns = statuses.Select(s => s.Urn).Concat(engagements.Select(e => e.Urn)).Distinct().ToList();
        if (urns.Count == 0) return [];
        var schools = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var people = await ReminderRecipients.LoadAsync(db, ct);
        var coordinators = people.WithRole(Role.HealthySchoolsCoordinator).ToList();
        var year = AcademicYear.Of(today);
        var reviewed = (await db.AnnualReviews.IgnoreQueryFilters().Where(r => r.Year == year && r.SelfValidatedOn != null).Select(r => r.Urn).ToListAsync(ct)).ToHashSet();

        var due = new List<DueReminder>();
        void Add(int urn, string what, string title, ReminderKind kind, DateOnly dueOn, string detail, string path, IEnumerable<string> to)
        {
            var school = schools.GetValueOrDefault(urn, $"URN {urn}");
            var subject = ReminderText.Subject(kind, title, school);
            var body = $"""
                Healthy Schools: {school} (URN {urn})

                {title}
                {ReminderText.When(kind, dueOn, today)}.
                {detail}

                Open it: {ReminderText.Link(options.Value.BaseUrl, path)}

                {Footer}
                """;
            due.AddRange(ReminderText.Addresses(to).Select(r => new DueReminder($"healthy-schools/{urn}/{what}", kind, dueOn, r, subject, body)));
        }
        IEnumerable<string> SchoolAnd(int urn, ReminderKind kind) => kind == ReminderKind.Overdue ? [.. people.SchoolUsers(urn), .. coordinators] : people.SchoolUsers(urn);

        // The annual review keeps the status: due from every school that holds it or works through the enhancement model.
        var reviewDue = settings.ReviewDueOn(year);
        var current = statuses.Where(s => s.IsCurrent(today, settings.RenewalYears)).Select(s => s.Urn);
        if (ReminderText.KindOn(today, reviewDue, settings.ReviewReminderDays) is { } reviewKind)
            foreach (var urn in current.Concat(engagements.Select(e => e.Urn)).Distinct().Where(u => !reviewed.Contains(u)).Order())
                Add(urn, $"annual-review/{year}", $"Annual review {AcademicYear.Format(year)}", reviewKind, reviewDue,
                    $"Confirm each criterion of the four themes with its evidence, then self-validate the review: it keeps the school's {settings.StatusName}.",
                    $"/Schools/{urn}/HealthySchools/AnnualReview", SchoolAnd(urn, reviewKind));

        foreach (var e in engagements.Where(e => WorkingToThePlan.Contains(e.Stage)).OrderBy(e => e.Urn))
            foreach (var esi in e.SuccessIndicators.Where(i => i.IsMet is null))
                if (ReminderText.KindOn(today, esi.Timescale, options.Value.DaysBefore) is { } kind)
                    Add(e.Urn, $"success-indicator/{esi.Number}", $"Early success indicator {esi.Number}: {Shorten(esi.Description)}", kind, esi.Timescale,
                        "Record whether the early success indicator is met, with its evidence and date, or change it (the old version is kept).",
                        $"/Schools/{e.Urn}/HealthySchools", SchoolAnd(e.Urn, kind));

        foreach (var item in waiting)
        {
            var expected = db.Clock.DateOf(item.SentAt).AddDays(settings.QuasWaitingDays);
            if (today <= expected) continue;
            Add(item.Urn, $"quas/{item.Key}", $"Waiting for the QUAS: {Shorten(item.What)}", ReminderKind.Overdue, expected,
                $"It has waited {item.DaysWaiting} days for the panel's decision (the LA expects one within {settings.QuasWaitingDays} days).",
                item.Href, item.AssignedTo is { } moderator ? people.ByUserName(moderator) : people.WithRole(Role.QuasPanelMember));
        }

        foreach (var status in statuses.Where(s => s.IsCurrent(today, settings.RenewalYears)).OrderBy(s => s.Urn))
        {
            var lapsesOn = status.LapsesOn(settings.RenewalYears);
            if (today < lapsesOn.AddDays(-settings.LapseWarningDays)) continue;
            Add(status.Urn, "status-lapses", $"The {settings.StatusName} lapses", ReminderKind.Upcoming, lapsesOn,
                $"Achieved on {ReminderText.Day(status.AchievedOn)}. The coordinator records the day it is renewed.",
                $"/Schools/{status.Urn}/HealthySchools/AnnualReview", [.. people.SchoolUsers(status.Urn), .. coordinators]);
        }
        return due;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : $"{text[..77]}...";
}
