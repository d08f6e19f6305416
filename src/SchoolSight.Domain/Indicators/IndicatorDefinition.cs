namespace SchoolSight.Domain.Indicators;

public enum IndicatorKind
{
    /// <summary>Pupils meeting <c>numerator</c> out of pupils meeting <c>denominator</c>.</summary>
    Proportion,

    /// <summary>The average of a number field over pupils who have it (and meet <c>denominator</c> if given).</summary>
    Mean,

    /// <summary>The sum of one number field over the sum of another (sessions missed out of sessions possible).</summary>
    Rate,

    /// <summary>The gap between the mean of the lowest-scoring 20% of pupils and the median, as a percentage of the median.</summary>
    Lowest20Gap,

    /// <summary>Respondents agreeing (strongly agree or agree) out of those who gave a view.</summary>
    Perception,

    /// <summary>Another indicator's value for one pupil group (e.g. children in care).</summary>
    GroupView,

    /// <summary>Another indicator's value for a comparison group (possibly national) minus its value for one group.</summary>
    Gap,

    /// <summary>Schools meeting a condition on their own indicator values, out of schools with those values.</summary>
    SchoolShare,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum IndicatorUnit
{
    Percent,
    PercentagePoints,
    Score,
}

/// <summary>Where a figure comes from when there is no pupil-level data: a measure of a published DfE school-level file.</summary>
/// <param name="Measure">e.g. "KS2.PTRWM_EXP" (a percentage) or "KS4.ATT8SCR" (a score).</param>
/// <param name="Cohort">The file's own count of pupils the measure covers, e.g. "KS2.TELIG".</param>
/// <param name="Lower">For an average, the measure holding the lower limit of its 95% confidence interval, if published.</param>
/// <param name="Upper">Likewise the upper limit.</param>
/// <param name="Coverage">For a progress score, the percentage of the cohort with a score (e.g. "KS2.READCOV"): the figure
/// is about cohort × coverage pupils, and areas weight it so, as the DfE's area progress score is the mean over pupils with a score.</param>
public sealed record PublishedFallback(string Measure, string Cohort, string? Lower = null, string? Upper = null, string? Coverage = null)
{
    /// <summary>The DfE column of the measure, e.g. "PTRWM_EXP" for "KS2.PTRWM_EXP".</summary>
    public string Column => Measure[(Measure.IndexOf('.') + 1)..];
}

/// <summary>
/// One indicator of the catalogue (DOMAIN.md 3.2), as the LA's catalogue file defines it: what is counted, for whom,
/// which way is better and where the data comes from. The definitions are data (Core's indicators.json), not code.
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required EcmOutcome Outcome { get; init; }
    public required IndicatorKind Kind { get; init; }
    public required Polarity Polarity { get; init; }
    public required IndicatorUnit Unit { get; init; }

    /// <summary>The standards theme (Early years, Primary, Secondary) for indicators of seed 003 Appendix 1; null for well-being indicators.</summary>
    public string? Stage { get; init; }

    /// <summary>Plain-English definition of the numerator and denominator, shown to users.</summary>
    public required string Numerator { get; init; }
    public required string Denominator { get; init; }
    public required string Source { get; init; }

    /// <summary>The measure of the seeds this stands for, and when today's measure differs, what changed.</summary>
    public string? SeedMeasure { get; init; }
    public string? Equivalence { get; init; }

    // How it is computed, by kind.
    public PupilCondition? Count { get; init; }
    public PupilCondition? Of { get; init; }
    public PupilField? Value { get; init; }
    public PupilField? Over { get; init; }
    public SurveyQuestion? Question { get; init; }
    public RespondentType? Respondents { get; init; }
    public string? BaseIndicator { get; init; }
    public PupilGroup Group { get; init; } = PupilGroup.All;
    public PupilGroup? ComparedWithGroup { get; init; }
    public bool ComparedWithNational { get; init; }
    public SchoolCondition? SchoolRule { get; init; }
    public PublishedFallback? Published { get; init; }

    /// <summary>Which schools an area's figure counts (the DfE's rule for the measure).</summary>
    public AreaSchoolTypes SchoolTypes { get; init; } = AreaSchoolTypes.StateFunded;

    /// <summary>Counted from the DfE's published figures alone: the pupil-level file has no field for it.</summary>
    public bool IsPublishedOnly => Published is not null && Kind is IndicatorKind.Proportion or IndicatorKind.Mean && Count is null && Value is null;

    /// <summary>The academic years the DfE did not publish this measure for, each with the reason; empty when it is published every year.</summary>
    public IReadOnlyList<PublicationGap> NotPublished { get; init; } = [];

    /// <summary>
    /// Whether a figure can exist for <paramref name="academicYear"/>: null when the measure is published for that year,
    /// otherwise what users are shown instead of a figure ("Not published for 2024/25, because …"). The one place that
    /// decides: computing, pages, exports, the API and the criteria all ask it.
    /// </summary>
    public string? NotPublishedIn(int academicYear) =>
        NotPublished.FirstOrDefault(g => g.Covers(academicYear)) is { } gap
            ? $"Not published for {AcademicYears.Display(academicYear)}, because {gap.Because}"
            : null;

    public bool IsPublishedIn(int academicYear) => NotPublishedIn(academicYear) is null;

    /// <summary>The pupil fields a counted indicator reads (its conditions' fields, value and over); empty for others.</summary>
    public IEnumerable<PupilField> PupilFieldsRead =>
        new[] { Count, Of }.OfType<PupilCondition>().SelectMany(c => c.Tests).SelectMany(t => new[] { t.Field, t.Divisor })
            .Concat([Value, Over]).OfType<PupilField>().Distinct();

    /// <summary>Whether the indicator is counted from pupil or survey rows (as opposed to derived from other indicators).</summary>
    public bool IsCounted => Kind is IndicatorKind.Proportion or IndicatorKind.Mean or IndicatorKind.Rate or IndicatorKind.Lowest20Gap or IndicatorKind.Perception;

    /// <summary>Whether the value is broken down by pupil group (survey answers and derived gaps are not).</summary>
    public bool HasGroups => Kind is IndicatorKind.Proportion or IndicatorKind.Mean or IndicatorKind.Rate or IndicatorKind.Lowest20Gap;

    public bool IsPercent => Unit == IndicatorUnit.Percent;
}
