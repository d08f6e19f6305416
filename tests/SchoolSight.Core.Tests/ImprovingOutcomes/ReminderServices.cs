using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes.Reminders;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.ImprovingOutcomes;

/// <summary>The reminder scheduler's services over a test database, sending to the test SMTP server.</summary>
public static class ReminderServices
{
    /// <summary>A fresh set of services, as after a restart of the app: nothing carried over but the database.</summary>
    public static ServiceProvider For(TestDatabase database, TimeProvider clock, SmtpSink smtp, int daysBefore = 3) =>
        new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock)
            .AddSingleton<ICurrentUser>(ActingUsers.Scheduler)
            .AddSchoolSightDatabase(database.Options)
            .AddSchoolSightCore()
            .Configure<ReminderOptions>(o =>
            {
                o.SmtpHost = "127.0.0.1";
                o.SmtpPort = smtp.Port;
                o.UseStartTls = false;
                o.From = "schoolsight@demo-borough.example";
                o.DaysBefore = daysBefore;
                o.PollInterval = TimeSpan.FromMilliseconds(200);
            })
            .AddSingleton<IReminderMailer, SmtpReminderMailer>()
            .BuildServiceProvider();
}
