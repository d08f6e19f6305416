namespace SchoolSight.TestSupport;

/// <summary>A clock the test moves by hand: operations and the reminder scheduler read "now" from it.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public TestClock(int year, int month, int day, int hour = 10) : this(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public void SetDay(DateOnly day, int hour = 10) => _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public void Advance(TimeSpan by) => _now += by;
}
