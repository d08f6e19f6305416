using Microsoft.Extensions.Configuration;
using SchoolSight.Core.Time;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Time;

public sealed class LaClockTests
{
    private static readonly DateTimeOffset HalfPastMidnightBst = new(2026, 6, 15, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AtHalfPastMidnightInBritishSummerTime_TodayIsTheLasDate_NotTheUtcDate()
    {
        var clock = new LaClock(new TestClock(HalfPastMidnightBst));

        clock.Today.ShouldBe(new DateOnly(2026, 6, 16));
        clock.LocalNow.ShouldBe(new DateTime(2026, 6, 16, 0, 30, 0));
        clock.UtcNow.ShouldBe(new DateTime(2026, 6, 15, 23, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void InWinter_TheLasDateIsTheUtcDate()
    {
        var clock = new LaClock(new TestClock(new DateTimeOffset(2026, 12, 15, 23, 30, 0, TimeSpan.Zero)));

        clock.Today.ShouldBe(new DateOnly(2026, 12, 15));
        clock.DateOf(new DateTime(2026, 6, 15, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 6, 16));
    }

    [Fact]
    public void TheTimeZone_ComesFromConfiguration_AndAnUnknownOneIsRefusedByName()
    {
        static IConfiguration With(string zone) => new ConfigurationBuilder().AddInMemoryCollection([new(LaClock.TimeZoneSetting, zone)]).Build();

        LaClock.ZoneFrom(null).Id.ShouldBe("Europe/London");
        new LaClock(new TestClock(HalfPastMidnightBst), LaClock.ZoneFrom(With("UTC"))).Today.ShouldBe(new DateOnly(2026, 6, 15));
        Should.Throw<InvalidOperationException>(() => LaClock.ZoneFrom(With("Europe/Londn"))).Message.ShouldContain("Europe/Londn");
    }
}
