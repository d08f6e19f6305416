namespace SchoolSight.Domain.QualityStandards;

/// <summary>A rating against a quality standard: the four columns of the LA's quality standards, best first.</summary>
public enum RagRating
{
    Outstanding = 1,
    Good = 2,
    RequiresSomeImprovement = 3,
    RequiresSignificantImprovement = 4,
}

/// <summary>The phases the LA rates itself for.</summary>
public enum SefPhase
{
    EarlyYears,
    Primary,
    Secondary,
}

/// <summary>The two groups of standards, each with its own overall rating.</summary>
public enum StandardGroup
{
    /// <summary>Impact of the LA on raising standards and improving progress (1.1–1.5).</summary>
    Impact = 1,

    /// <summary>Risk management and intervention in schools and settings (2.1–2.5).</summary>
    RiskManagement = 2,
}

/// <summary>A figure SchoolSight works out from what it holds, for a quantitative criterion.</summary>
public enum ComputedMeasure
{
    /// <summary>% of schools visited whose targets (recorded in their SIP's visits) are in line with guidance.</summary>
    TargetsInLine,

    /// <summary>% of schools visited whose tracking of progress their SIP judged accurate.</summary>
    TrackingAccurate,

    /// <summary>% of the SIPs of secondary schools with secondary headship experience.</summary>
    SecondaryHeadshipExperience,

    /// <summary>How many of the LA's open schools are in an Ofsted category of concern.</summary>
    SchoolsInOfstedCategories,

    /// <summary>Where the LA's share of schools in an Ofsted category stands among all LAs in England, as a percentile from the top (1 = the highest share).</summary>
    OfstedCategoriesNationalPosition,

    /// <summary>% of the programme's open cases of schools causing concern that are on trajectory.</summary>
    CausingConcernOnTrajectory,

    /// <summary>% of issued SIP reports with all seven features of a good report.</summary>
    ReportsWithAllFeatures,

    /// <summary>% of issued SIP reports missing one or two of the seven features.</summary>
    ReportsMissingOneOrTwoFeatures,

    /// <summary>% of issued SIP reports missing three or more of the seven features.</summary>
    ReportsMissingThreeOrMoreFeatures,
}

/// <summary>
/// Where a computed figure meets a quantitative criterion: every bound given must hold (at least, above, below, at most).
/// </summary>
public sealed record MeasureBand(ComputedMeasure Measure, decimal? AtLeast, decimal? Above, decimal? Below, decimal? AtMost)
{
    public bool IsMetBy(decimal figure) =>
        (AtLeast is not { } a || figure >= a) && (Above is not { } b || figure > b)
        && (Below is not { } c || figure < c) && (AtMost is not { } d || figure <= d);

    /// <summary>"at least 95", "at least 80 and below 95".</summary>
    public string Describe() => string.Join(" and ", new[]
    {
        AtLeast is { } a ? $"at least {a:0.##}" : null, Above is { } b ? $"above {b:0.##}" : null,
        Below is { } c ? $"below {c:0.##}" : null, AtMost is { } d ? $"at most {d:0.##}" : null,
    }.OfType<string>());
}

/// <summary>One criterion of a standard's column: its words, whether it is critical, and a computed band when quantitative.</summary>
public sealed record QualityCriterion(string Id, RagRating Level, string Text, bool Critical, MeasureBand? Band, IReadOnlyList<SefPhase> Phases)
{
    public bool AppliesTo(SefPhase phase) => Phases.Count == 0 || Phases.Contains(phase);
}

/// <summary>One of the LA's quality standards (1.1–2.5), the phases it applies to and its criteria for each level.</summary>
public sealed record QualityStandard(string Id, StandardGroup Group, string Title, IReadOnlyList<SefPhase> Phases, IReadOnlyList<QualityCriterion> Criteria)
{
    public bool AppliesTo(SefPhase phase) => Phases.Contains(phase);

    public IEnumerable<QualityCriterion> CriteriaFor(SefPhase phase) => Criteria.Where(c => c.AppliesTo(phase));

    public QualityCriterion? Criterion(string id) => Criteria.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How an overall rating is derived from its parts (LA configuration, shown on the dashboard).</summary>
public enum OverallRuleKind
{
    /// <summary>
    /// Outstanding or Good when at least <see cref="OverallRule.Share"/>% of the rated parts are that or better; otherwise
    /// Requires significant improvement when at least <see cref="OverallRule.SignificantShare"/>% are, else Requires some improvement.
    /// </summary>
    ShareAtOrBetter,

    /// <summary>The lowest rating among the parts.</summary>
    Lowest,

    /// <summary>The rating most parts have; a tie goes to the lower.</summary>
    MostCommon,
}

public sealed record OverallRule(OverallRuleKind Kind, int Share, int SignificantShare = 50)
{
    public static readonly OverallRule Default = new(OverallRuleKind.ShareAtOrBetter, 75, 50);
}

/// <summary>
/// The LA's quality standards as a file it can replace (docs/la-self-evaluation.md): its version and name, what the
/// LA calls the external reviewer and its school improvement partners, the rule for overall ratings, and the ten
/// standards with their criteria.
/// </summary>
public sealed record QualityStandardSet(string Version, string Name, string ExternalReviewer, string AdviserTitle, OverallRule Overall, IReadOnlyList<QualityStandard> Standards)
{
    public QualityStandard? Standard(string id) => Standards.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<QualityStandard> InGroup(StandardGroup group) => Standards.Where(s => s.Group == group);
}

public static class RagRatings
{
    public static readonly IReadOnlyList<RagRating> All = [RagRating.Outstanding, RagRating.Good, RagRating.RequiresSomeImprovement, RagRating.RequiresSignificantImprovement];
    public static readonly IReadOnlyList<SefPhase> Phases = [SefPhase.EarlyYears, SefPhase.Primary, SefPhase.Secondary];

    public static string Describe(this RagRating rating) => rating switch
    {
        RagRating.Outstanding => "Outstanding",
        RagRating.Good => "Good",
        RagRating.RequiresSomeImprovement => "Requires some improvement",
        RagRating.RequiresSignificantImprovement => "Requires significant improvement",
    };

    /// <summary>The short form of the dashboard's cells: OS, G, NI, SI.</summary>
    public static string Short(this RagRating rating) => rating switch
    {
        RagRating.Outstanding => "OS",
        RagRating.Good => "G",
        RagRating.RequiresSomeImprovement => "NI",
        RagRating.RequiresSignificantImprovement => "SI",
    };

    /// <summary>The RAG colour: green for outstanding and good, amber for some improvement, red for significant.</summary>
    public static string Colour(this RagRating rating) => rating switch
    {
        RagRating.Outstanding or RagRating.Good => "green",
        RagRating.RequiresSomeImprovement => "amber",
        RagRating.RequiresSignificantImprovement => "red",
    };

    public static string Describe(this SefPhase phase) => phase switch
    {
        SefPhase.EarlyYears => "Early Years",
        SefPhase.Primary => "Primary",
        SefPhase.Secondary => "Secondary",
    };

    public static string Describe(this StandardGroup group) => group switch
    {
        StandardGroup.Impact => "Impact of the LA on raising standards and improving progress",
        StandardGroup.RiskManagement => "Risk management and intervention",
    };

    /// <summary>Whether <paramref name="rating"/> is <paramref name="other"/> or better.</summary>
    public static bool AtLeast(this RagRating rating, RagRating other) => rating <= other;
}
