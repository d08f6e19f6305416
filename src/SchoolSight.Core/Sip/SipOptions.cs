using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>
/// The LA's settings under <c>Sip</c>: what it calls the role (<c>RoleName</c>, "School improvement partner"), within
/// how many working days of a visit a report is timely (<c>ReportDueWithinWorkingDays</c>, 10) and how many visits a
/// year each level of support is due (<c>VisitsDue:Universal</c> 3, <c>Targeted</c> 5, <c>Intensive</c> 6).
/// </summary>
public sealed record SipOptions
{
    public const string Section = "Sip";

    public string RoleName { get; init; } = "School improvement partner";
    public int ReportDueWithinWorkingDays { get; init; } = ReportFeatures.DefaultDueWithinWorkingDays;
    public IReadOnlyDictionary<LevelOfSupport, int> VisitsDue { get; init; } = new Dictionary<LevelOfSupport, int>
    {
        [LevelOfSupport.Universal] = 3,
        [LevelOfSupport.Targeted] = 5,
        [LevelOfSupport.Intensive] = 6,
    };

    public int VisitsDueFor(LevelOfSupport level) => VisitsDue.GetValueOrDefault(level);

    public static SipOptions FromConfiguration(IConfiguration? configuration)
    {
        var defaults = new SipOptions();
        if (configuration is null) return defaults;
        var section = configuration.GetSection(Section);
        var days = section.GetValue<int?>(nameof(ReportDueWithinWorkingDays)) ?? defaults.ReportDueWithinWorkingDays;
        return new SipOptions
        {
            RoleName = section.GetValue<string?>(nameof(RoleName)) is { Length: > 0 } name ? name.Trim() : defaults.RoleName,
            ReportDueWithinWorkingDays = Math.Clamp(days, 1, 60),
            VisitsDue = Enum.GetValues<LevelOfSupport>().ToDictionary(l => l,
                l => Math.Max(0, section.GetValue<int?>($"{nameof(VisitsDue)}:{l}") ?? defaults.VisitsDueFor(l))),
        };
    }
}
