using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Tests.ImprovingOutcomes;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.ImprovingOutcomes.ProgrammeWorld;

namespace SchoolSight.Core.Tests.Time;

/// <summary>At 00:30 British Summer Time on 16 June 2026 (23:30 UTC on the 15th) the programme works on the LA's date, the 16th.</summary>
public abstract class LaDateProgrammeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset HalfPastMidnightBst = new(2026, 6, 15, 23, 30, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ProgrammeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        _world = new ProgrammeWorld(_database, new TestClock(2026, 3, 17));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AMeetingDatedTheLasToday_IsAccepted_AtHalfPastMidnightBritishSummerTime()
    {
        var id = await _world.ActiveCaseAsync(started: new DateOnly(2026, 3, 17));
        _world.Clock.SetDay(new DateOnly(2026, 6, 15), hour: 23);
        _world.Clock.Advance(TimeSpan.FromMinutes(30));
        _world.Clock.GetUtcNow().ShouldBe(HalfPastMidnightBst);

        await using var db = _world.As(Role.InterventionOfficer);
        Ok(await new RecordGroupMeeting(db).RunAsync(id, new GroupMeetingInput { HeldOn = new DateOnly(2026, 6, 16), ProgressReviewed = "Phonics catch-up reviewed." }));
        var tomorrow = await new RecordGroupMeeting(db).RunAsync(id, new GroupMeetingInput { HeldOn = new DateOnly(2026, 6, 17), ProgressReviewed = "Not yet held." });
        tomorrow.Errors.Single().Field.ShouldBe("HeldOn");
    }

    [Fact]
    public async Task ADeadline_BecomesOverdue_OnTheLasDate_NotAnHourLate()
    {
        // The plan action is due 90 days after the start: 15 June 2026.
        var id = await _world.ActiveCaseAsync(started: new DateOnly(2026, 3, 17));
        _world.Clock.SetDay(new DateOnly(2026, 6, 15), hour: 22);
        _world.Clock.Advance(TimeSpan.FromMinutes(59));
        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var view = (await new GetCase(db).RunAsync(id))!;
            view.Today.ShouldBe(new DateOnly(2026, 6, 15));
            view.Deadlines.Single(d => d.Kind == DeadlineKind.PlanAction).StatusOn(view.Today).ShouldBe(DeadlineStatus.Due);
        }

        _world.Clock.Advance(TimeSpan.FromMinutes(31));
        _world.Clock.GetUtcNow().ShouldBe(HalfPastMidnightBst);
        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var view = (await new GetCase(db).RunAsync(id))!;
            view.Today.ShouldBe(new DateOnly(2026, 6, 16));
            var action = view.Deadlines.Single(d => d.Kind == DeadlineKind.PlanAction);
            action.DueOn.ShouldBe(new DateOnly(2026, 6, 15));
            action.StatusOn(view.Today).ShouldBe(DeadlineStatus.Overdue);
        }
    }
}

public sealed class LaDateProgrammeTests_Sqlite() : LaDateProgrammeTests(DatabaseProvider.Sqlite);
public sealed class LaDateProgrammeTests_Postgres() : LaDateProgrammeTests(DatabaseProvider.Postgres);
