using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.ImprovingOutcomes.Reminders;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.ImprovingOutcomes.ProgrammeWorld;

namespace SchoolSight.Core.Tests.ImprovingOutcomes;

/// <summary>The reminder scheduler against a real SMTP server (the test sink) and both databases.</summary>
public abstract class ReminderSchedulerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ProgrammeWorld _world = null!;
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        _world = new ProgrammeWorld(_database, new TestClock(2026, 9, 7));
        _smtp = new SmtpSink();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A fresh set of services, as after a restart of the app: nothing carried over but the database.</summary>
    private ServiceProvider Services(int daysBefore = 3) => ReminderServices.For(_database, _world.Clock, _smtp, daysBefore);

    private async Task<int> DueCountAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SendDueReminders>().FindDueAsync()).Count;
    }

    /// <summary>Two cases with meetings scheduled, their agendas and progress reports due in two days, actions overdue.</summary>
    private async Task TwoCasesWithDeadlinesAsync()
    {
        foreach (var urn in new[] { School, OtherSchool })
        {
            var id = await _world.ActiveCaseAsync(urn);
            await using var db = _world.As(Role.InterventionOfficer);
            Ok(await new ScheduleProgrammeMeeting(db).RunAsync(id, new ScheduleMeetingInput { ScheduledFor = new DateOnly(2026, 11, 18), Venue = "At the school" }));
            Ok(await new AddPlanAction(db).RunAsync(id, new PlanActionInput { Description = "Attendance drive", Owner = "Head", DueOn = new DateOnly(2026, 11, 2), SuccessCriteria = "Persistent absence below 10%" }));
        }
        _world.On(2026, 11, 9); // agenda and report due 11 November; the attendance action was due 2 November
        await using var admin = _world.As(Role.LaAdministrator);
        var head = new AppUser { UserName = Head, Email = Head, Role = Role.SchoolUser, SchoolUrn = School, DisplayName = "Jordan Head" };
        admin.Users.Add(head);
        await admin.SaveChangesAsync();
    }

    [Fact]
    public async Task TheScheduler_RestartedMidRun_SendsEachReminderExactlyOnce()
    {
        await TwoCasesWithDeadlinesAsync();
        _smtp.DelayPerMessage = TimeSpan.FromMilliseconds(150);
        await using var firstRun = Services();
        var expected = await DueCountAsync(firstRun);
        // Per case: the agenda (officer), the progress report, the overdue action and the overdue management group meeting
        // (officer, and the head at the one school with a school user), the late-scheduled programme meeting (officer).
        expected.ShouldBe(8 + 5);

        var first = ActivatorUtilities.CreateInstance<ReminderScheduler>(firstRun);
        await first.StartAsync(CancellationToken.None);
        await _smtp.WaitForAsync(2, TimeSpan.FromSeconds(20));
        await first.StopAsync(CancellationToken.None); // the app stops mid-run
        _smtp.Messages.Count.ShouldBeLessThan(expected);

        // Delivery slowed down only to stop the first run midway: after the restart, the rest goes at full speed.
        _smtp.DelayPerMessage = TimeSpan.Zero;
        await using var afterRestart = Services();
        var second = ActivatorUtilities.CreateInstance<ReminderScheduler>(afterRestart);
        await second.StartAsync(CancellationToken.None);
        await _smtp.WaitForAsync(expected, TimeSpan.FromSeconds(30));
        while (second.CompletedPasses < 2) await Task.Delay(50);
        await second.StopAsync(CancellationToken.None);

        var messages = _smtp.Messages.ToList();
        messages.Count.ShouldBe(expected);
        messages.GroupBy(m => (string.Join(",", m.To), m.Subject)).ShouldAllBe(g => g.Count() == 1);
        messages.Count(m => m.To.Single() == Head).ShouldBe(3);
        messages.ShouldContain(m => m.Subject.StartsWith("Overdue: Action 2: Attendance drive", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Body.Contains("Due in 2 days, on 11 November 2026", StringComparison.Ordinal));
        await using var db = _database.CreateContext();
        (await db.SentReminders.CountAsync(r => r.SentAt != null)).ShouldBe(expected);
    }

    [Fact]
    public async Task Reminders_GoOutOnceBefore_AndOnceMoreWhenOverdue_AndNotForMetDeadlines()
    {
        await TwoCasesWithDeadlinesAsync();
        await using var services = Services();
        async Task<int> PassAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<SendDueReminders>().RunAsync()).Sent;
        }
        (await PassAsync()).ShouldBe(13);
        (await PassAsync()).ShouldBe(0);

        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var id = (await new ListProgrammeCases(db).RunAsync()).Single(r => r.Urn == School).Id;
            var meeting = (await new GetCase(db).RunAsync(id))!.Case.Meetings.Single();
            Ok(await new RecordAgendaSent(db).RunAsync(id, meeting.Id, new MeetingDateInput { On = _world.Clock.Today, Version = meeting.Version }));
        }
        // Now overdue: here the progress report (officer and head) and the programme meeting (officer), the agenda being met;
        // at the other school the agenda, the report and the programme meeting (officer).
        _world.On(2026, 11, 12);
        (await PassAsync()).ShouldBe(3 + 3);
        (await PassAsync()).ShouldBe(0);
        _smtp.Messages.Count.ShouldBe(13 + 6);
    }

    [Fact]
    public async Task AFailedSend_IsNotRecorded_AndIsTriedAgainOnTheNextPass()
    {
        await TwoCasesWithDeadlinesAsync();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_world.Clock)
            .AddSingleton<ICurrentUser>(ActingUsers.Scheduler)
            .AddSchoolSightDatabase(_database.Options)
            .AddSchoolSightCore()
            .Configure<ReminderOptions>(o => { o.SmtpHost = "127.0.0.1"; o.SmtpPort = 1; o.From = "schoolsight@demo-borough.example"; o.UseStartTls = false; })
            .AddSingleton<IReminderMailer, SmtpReminderMailer>()
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<SendDueReminders>().RunAsync();
            outcome.Sent.ShouldBe(0);
            outcome.Failed.ShouldBe(13);
        }
        await using var db = _database.CreateContext();
        (await db.SentReminders.CountAsync()).ShouldBe(0);
        await using var working = Services();
        (await DueCountAsync(working)).ShouldBe(13);
    }

    [Fact]
    public async Task WithoutAnSmtpServer_TheSchedulerDoesNothing()
    {
        var options = Options.Create(new ReminderOptions());
        options.Value.Enabled.ShouldBeFalse();
        await using var services = Services();
        var scheduler = new ReminderScheduler(services.GetRequiredService<IServiceScopeFactory>(), _world.Clock, options, NullLogger<ReminderScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        await scheduler.StopAsync(CancellationToken.None);
        scheduler.CompletedPasses.ShouldBe(0);
    }
}

public sealed class ReminderSchedulerTests_Sqlite() : ReminderSchedulerTests(DatabaseProvider.Sqlite);
public sealed class ReminderSchedulerTests_Postgres() : ReminderSchedulerTests(DatabaseProvider.Postgres);
