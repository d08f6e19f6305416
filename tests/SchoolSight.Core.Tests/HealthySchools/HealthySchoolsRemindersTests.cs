using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.ImprovingOutcomes.Reminders;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Core.Tests.ImprovingOutcomes;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Workflows;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.HealthySchools;

/// <summary>Healthy Schools' reminders on the one reminder scheduler, against a real SMTP server (the test sink) and both databases.</summary>
public abstract class HealthySchoolsRemindersTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Head = "head@demo-borough.example";
    private const string OtherHead = "other.head@demo-borough.example";
    private const string LeftTheSchool = "left@demo-borough.example";
    private const string Governor = "governor@demo-borough.example";
    private const string Coordinator = "healthy@demo-borough.example";
    private const string Panel = "quas@demo-borough.example";
    private const string SecondPanel = "second.quas@demo-borough.example";
    private static readonly Actor ByCoordinator = new(Coordinator, Role.HealthySchoolsCoordinator);

    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
        _smtp = new SmtpSink();
        await using var db = _database.CreateContext(new FixedCurrentUser("seed"));
        AppUser User(string email, Role role, int? urn = null) => new() { UserName = email, Email = email, DisplayName = email, Role = role, SchoolUrn = urn };
        db.Users.AddRange(User(Head, Role.SchoolUser, School), User(OtherHead, Role.SchoolUser, OtherSchool), User(Governor, Role.Governor, School),
            User(Coordinator, Role.HealthySchoolsCoordinator), User(Panel, Role.QuasPanelMember), User(SecondPanel, Role.QuasPanelMember));
        var left = User(LeftTheSchool, Role.SchoolUser, OtherSchool);
        left.LockoutEnd = UserAccess.DisabledUntil;
        db.Users.Add(left);
        // The school achieved its status three years before 10 January 2027 and works to its plan: its second early
        // success indicator is due on 1 December 2026. The other school's stage 4 form was sent to the QUAS on 1 November 2026.
        // (The school joined after its annual review of 2025/26; the other school directly.)
        var status = HealthySchoolStatus.Achieve(School, new DateOnly(2024, 1, 10), ByCoordinator, new DateOnly(2024, 1, 10));
        var otherStatus = HealthySchoolStatus.Achieve(OtherSchool, new DateOnly(2026, 1, 5), ByCoordinator, new DateOnly(2026, 1, 5));
        db.HealthySchoolStatuses.AddRange(status, otherStatus);
        db.HealthySchoolEngagements.Add(HealthySchoolsDemo.Walk(School, JoiningPathways.Decide(status, new DateOnly(2026, 1, 20), true, new HealthySchoolsSettings()),
            EnhancementStage.Monitoring, false, false, 1, 1, 1, new DateOnly(2026, 1, 20), new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 3, 1)));
        db.HealthySchoolEngagements.Add(HealthySchoolsDemo.Walk(OtherSchool, JoiningPathways.Decide(otherStatus, new DateOnly(2026, 2, 1), false, new HealthySchoolsSettings()),
            EnhancementStage.WithQuas, false, false, 1, 1, 1, new DateOnly(2026, 2, 1), new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 1)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A fresh set of services, as after a restart of the app: nothing carried over but the database.</summary>
    private ServiceProvider Services() => ReminderServices.For(_database, _world.Clock, _smtp);

    /// <summary>One pass of the scheduler on the day given; returns what it sent, read back from the SMTP server.</summary>
    private async Task<IReadOnlyList<string>> PassOnAsync(int year, int month, int day)
    {
        _world.Clock.SetDay(new DateOnly(year, month, day));
        var before = _smtp.Messages.Count;
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SendDueReminders>().RunAsync();
        outcome.Failed.ShouldBe(0);
        var sent = _smtp.Messages.Skip(before).Select(m => $"{m.To.Single()}: {m.Subject}").Order(StringComparer.Ordinal).ToList();
        sent.Count.ShouldBe(outcome.Sent);
        return sent;
    }

    [Fact]
    public async Task EachHealthySchoolsReminder_GoesOnceWhenDue_ToTheRightPeople_AndNotBeforeOrAgain()
    {
        string school, other;
        await using (var db = _database.CreateContext())
        {
            school = await db.Schools.Where(s => s.Urn == School).Select(s => s.Details.Name).SingleAsync();
            other = await db.Schools.Where(s => s.Urn == OtherSchool).Select(s => s.Details.Name).SingleAsync();
        }
        // 23 November 2026: the stage 4 form has waited 22 days, more than the 14 the LA allows, so the panel is reminded.
        (await PassOnAsync(2026, 11, 23)).ShouldBe([$"{Panel}: Overdue: Waiting for the QUAS: Stage 4 form – {other}", $"{SecondPanel}: Overdue: Waiting for the QUAS: Stage 4 form – {other}"]);
        (await PassOnAsync(2026, 11, 23)).ShouldBeEmpty();
        (await PassOnAsync(2026, 11, 27)).ShouldBeEmpty();

        // The early success indicator due on 1 December: three days before, to the school; once overdue, to the school and the coordinator.
        var indicator = "Early success indicator 2: Half of Year 5 attend the club at least once a week";
        (await PassOnAsync(2026, 11, 28)).ShouldBe([$"{Head}: Reminder: {indicator} – {school}"]);
        (await PassOnAsync(2026, 11, 30)).ShouldBeEmpty();
        (await PassOnAsync(2026, 12, 2)).ShouldBe([$"{Head}: Overdue: {indicator} – {school}", $"{Coordinator}: Overdue: {indicator} – {school}"]);

        // The status lapses on 10 January 2027: 30 days before, to the school and the coordinator.
        (await PassOnAsync(2026, 12, 10)).ShouldBeEmpty();
        (await PassOnAsync(2026, 12, 11)).ShouldBe([$"{Head}: Reminder: The Healthy School status lapses – {school}", $"{Coordinator}: Reminder: The Healthy School status lapses – {school}"]);
        (await PassOnAsync(2027, 1, 5)).ShouldBeEmpty();

        // The annual review of 2026/27 is due on 1 July 2027: 30 days before, to each school's staff (not its governor,
        // nor a user whose account is disabled); once overdue, to the school that has not self-validated it and the coordinator.
        (await PassOnAsync(2027, 5, 31)).ShouldBeEmpty();
        (await PassOnAsync(2027, 6, 1)).ShouldBe([$"{Head}: Reminder: Annual review 2026/27 – {school}", $"{OtherHead}: Reminder: Annual review 2026/27 – {other}"]);
        await using (var db = _database.CreateContext(new FixedCurrentUser("seed")))
        {
            var review = AnnualReview.Start(OtherSchool, 2026, ReviewCriteria.Shipped, new Actor(OtherHead, Role.SchoolUser));
            foreach (var c in ReviewCriteria.Shipped.All) review.Confirm(ReviewCriteria.Shipped, c.Id, "Seen by the governors.", new Actor(OtherHead, Role.SchoolUser), new DateOnly(2027, 6, 20));
            review.SelfValidate(ReviewCriteria.Shipped, new Actor(OtherHead, Role.SchoolUser), new DateOnly(2027, 6, 20));
            db.AnnualReviews.Add(review);
            await db.SaveChangesAsync();
        }
        (await PassOnAsync(2027, 7, 1)).ShouldBeEmpty();
        (await PassOnAsync(2027, 7, 2)).ShouldBe([$"{Head}: Overdue: Annual review 2026/27 – {school}", $"{Coordinator}: Overdue: Annual review 2026/27 – {school}"]);
        (await PassOnAsync(2027, 7, 3)).ShouldBeEmpty();

        var messages = _smtp.Messages.ToList();
        messages.Count.ShouldBe(11);
        messages.ShouldAllBe(m => m.To.Single() != Governor && m.To.Single() != LeftTheSchool);
        messages.ShouldContain(m => m.Body.Contains("Due in 3 days, on 1 December 2026", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Body.Contains($"/Schools/{OtherSchool}/HealthySchools", StringComparison.Ordinal) && m.Body.Contains("It has waited 22 days", StringComparison.Ordinal));
        await using var check = _database.CreateContext();
        (await check.SentReminders.CountAsync(r => r.SentAt != null && r.CaseId == null)).ShouldBe(11);
    }

    [Fact]
    public async Task TwoSchedulersAtOnce_SendEachHealthySchoolsReminderExactlyOnce()
    {
        // 11 December 2026: the panel's two reminders of the waiting form, the overdue early success indicator (school
        // and coordinator) and the status about to lapse (school and coordinator).
        _world.Clock.SetDay(new DateOnly(2026, 12, 11));
        _smtp.DelayPerMessage = TimeSpan.FromMilliseconds(50);
        await using var firstApp = Services();
        await using var secondApp = Services();
        await using (var scope = firstApp.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<SendDueReminders>().FindDueAsync()).Count.ShouldBe(6);
        var first = ActivatorUtilities.CreateInstance<ReminderScheduler>(firstApp);
        var second = ActivatorUtilities.CreateInstance<ReminderScheduler>(secondApp);
        await Task.WhenAll(first.StartAsync(CancellationToken.None), second.StartAsync(CancellationToken.None));
        await _smtp.WaitForAsync(6, TimeSpan.FromSeconds(30));
        while (first.CompletedPasses < 2 || second.CompletedPasses < 2) await Task.Delay(50);
        await Task.WhenAll(first.StopAsync(CancellationToken.None), second.StopAsync(CancellationToken.None));

        var messages = _smtp.Messages.ToList();
        messages.Count.ShouldBe(6);
        messages.GroupBy(m => (m.To.Single(), m.Subject)).ShouldAllBe(g => g.Count() == 1);
        await using var db = _database.CreateContext();
        (await db.SentReminders.CountAsync(r => r.SentAt != null)).ShouldBe(6);
    }
}

public sealed class HealthySchoolsRemindersTests_Sqlite() : HealthySchoolsRemindersTests(DatabaseProvider.Sqlite);
public sealed class HealthySchoolsRemindersTests_Postgres() : HealthySchoolsRemindersTests(DatabaseProvider.Postgres);
