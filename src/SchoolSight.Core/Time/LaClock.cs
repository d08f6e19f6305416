using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SchoolSight.Core.Time;

/// <summary>
/// The LA's clock: "today" and "now" as the LA's officers and schools read them, in the LA's time zone
/// (<c>LocalAuthority:TimeZone</c>, default <c>Europe/London</c>), from the injected <see cref="TimeProvider"/>.
/// The only place an instant becomes a date: between midnight and 1 a.m. in British Summer Time the LA's date is
/// already the next day while the UTC date is not.
/// </summary>
public sealed class LaClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string TimeZoneSetting = "LocalAuthority:TimeZone";
    public const string DefaultTimeZoneId = "Europe/London";

    public LaClock(TimeProvider time) : this(time, TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId)) { }

    public TimeProvider Time => time;
    public TimeZoneInfo Zone => zone;

    /// <summary>Now, in UTC (what is stored).</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Now, on the LA's wall clock.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(UtcNow, zone);

    /// <summary>The LA's date today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>A stored (UTC) instant on the LA's wall clock.</summary>
    public DateTime LocalOf(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The LA's date at a stored (UTC) instant.</summary>
    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(LocalOf(utc));

    /// <summary>The LA's time zone from configuration; a name the system does not know stops start-up with that name.</summary>
    public static TimeZoneInfo ZoneFrom(IConfiguration? configuration)
    {
        var id = configuration?[TimeZoneSetting] is { Length: > 0 } configured ? configured.Trim() : DefaultTimeZoneId;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"{TimeZoneSetting} names a time zone this system does not know: '{id}'. Use an IANA name such as {DefaultTimeZoneId}.");
        }
    }
}

public static class LaClockServices
{
    /// <summary>Registers the one LA clock over the registered <see cref="TimeProvider"/> (web app, scheduler and CLI).</summary>
    public static IServiceCollection AddLaClock(this IServiceCollection services, IConfiguration? configuration)
    {
        var zone = LaClock.ZoneFrom(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new LaClock(provider.GetRequiredService<TimeProvider>(), zone));
        return services;
    }
}
