using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// The LA's Healthy Schools configuration (section <c>HealthySchools</c>): the name of its status, the renewal period,
/// the dates of the joining pathways, the moderation share and the reminder periods, and the annual review criteria
/// (the LA's own file when <c>HealthySchools:CriteriaFile</c> names one). A configuration or criteria file with any
/// problem stops the app at start-up with every problem listed (criteria by line and column).
/// </summary>
public sealed class HealthySchoolsConfiguration
{
    public HealthySchoolsConfiguration(IConfiguration? configuration = null)
    {
        Settings = configuration?.GetSection(HealthySchoolsSettings.Section).Get<HealthySchoolsSettings>() ?? new HealthySchoolsSettings();
        if (Settings.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"The Healthy Schools configuration has problems:\n{string.Join("\n", problems)}");
        if (string.IsNullOrWhiteSpace(Settings.CriteriaFile))
        {
            Criteria = ReviewCriteria.Shipped;
            return;
        }
        var result = ReviewCriteriaParser.Parse(File.ReadAllText(Settings.CriteriaFile));
        Criteria = result.Criteria ?? throw new InvalidOperationException(
            $"The annual review criteria {Settings.CriteriaFile} have problems:\n{string.Join("\n", result.Errors)}");
    }

    public HealthySchoolsSettings Settings { get; }
    public ReviewCriteria Criteria { get; }

    /// <summary>The defaults and the shipped criteria (for tools and tests without configuration).</summary>
    public static HealthySchoolsConfiguration Default => DefaultConfiguration.Value;

    private static readonly Lazy<HealthySchoolsConfiguration> DefaultConfiguration = new(() => new HealthySchoolsConfiguration());
}
