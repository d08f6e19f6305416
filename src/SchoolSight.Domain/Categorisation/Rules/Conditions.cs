using System.Globalization;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>Whether a condition holds: <see cref="Unknown"/> when evidence it needs is missing or too thin to judge.</summary>
public enum Truth { False, True, Unknown }

public sealed record ConditionResult(Truth Truth, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes)
{
    public static ConditionResult Of(bool holds, params EvidenceItem[] evidence) => new(holds ? Truth.True : Truth.False, evidence, [], []);

    public static ConditionResult MissingEvidence(string missing) => new(Truth.Unknown, [], [missing], []);

    public static ConditionResult NotJudged(string note, params EvidenceItem[] evidence) => new(Truth.Unknown, evidence, [], [note]);
}

/// <summary>
/// What a rule tests. Every condition is monotone: if it holds for some evidence, it holds for any worse evidence
/// (lower attainment, a worse grade, another concern), which is what keeps worse evidence from lowering a level.
/// </summary>
public abstract record Condition
{
    public abstract ConditionResult Evaluate(SchoolEvidence evidence);

    /// <summary>The evidence this condition reads (for "missing" coverage checks): "ofsted", "self-evaluation", "sip" or an indicator id.</summary>
    public abstract IEnumerable<EvidenceKey> Reads { get; }

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whether this condition, or any within it, tests the LA's concerns (which only LA roles may see).</summary>
    public bool TestsConcerns => this switch
    {
        ConcernCondition => true,
        AllCondition all => all.Conditions.Any(c => c.TestsConcerns),
        AnyCondition any => any.Conditions.Any(c => c.TestsConcerns),
        _ => false,
    };
}

/// <summary>A kind of evidence a missing-evidence rule can cover.</summary>
public readonly record struct EvidenceKey(string Name)
{
    public static readonly EvidenceKey Ofsted = new("ofsted");
    public static readonly EvidenceKey SelfEvaluation = new("self-evaluation");
    public static readonly EvidenceKey Sip = new("sip");

    public override string ToString() => Name;
}

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => Conditions.SelectMany(c => c.Reads);

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var results = Conditions.Select(c => c.Evaluate(evidence)).ToList();
        var truth = results.Any(r => r.Truth == Truth.False) ? Truth.False : results.Any(r => r.Truth == Truth.Unknown) ? Truth.Unknown : Truth.True;
        return Combine(truth, results);
    }

    internal static ConditionResult Combine(Truth truth, IReadOnlyList<ConditionResult> results) => new(truth,
        [.. results.SelectMany(r => r.Evidence).Distinct()],
        truth == Truth.Unknown ? [.. results.SelectMany(r => r.Missing).Distinct()] : [],
        [.. results.SelectMany(r => r.Notes).Distinct()]);
}

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => Conditions.SelectMany(c => c.Reads);

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var results = Conditions.Select(c => c.Evaluate(evidence)).ToList();
        if (results.Any(r => r.Truth == Truth.True))
            return AllCondition.Combine(Truth.True, [.. results.Where(r => r.Truth == Truth.True)]);
        var truth = results.Any(r => r.Truth == Truth.Unknown) ? Truth.Unknown : Truth.False;
        return AllCondition.Combine(truth, results);
    }
}

public enum Benchmark { England, La, Locality }

public enum TrendTest
{
    /// <summary>A significant decline over the last three years.</summary>
    Declining,

    /// <summary>No significant improvement over the last three years (a decline or no significant change).</summary>
    NotImproving,
}

/// <summary>What an indicator condition compares: exactly one of a threshold, a benchmark, a trend or the school rule.</summary>
public abstract record IndicatorTest;

/// <summary>Worse than a fixed value, in the indicator's unit; "significantly": the whole confidence interval is worse.</summary>
public sealed record ThresholdTest(double Value, bool Significantly) : IndicatorTest;

/// <summary>Worse than a benchmark by at least <see cref="By"/>; "significantly": the interval excludes the benchmark.</summary>
public sealed record BenchmarkTest(Benchmark Against, double By, bool Significantly) : IndicatorTest;

public sealed record TrendTestOf(TrendTest Test) : IndicatorTest;

/// <summary>For a school-share indicator (e.g. below the floor standard): the school itself meets its school rule.</summary>
public sealed record SchoolRuleTest : IndicatorTest;

public sealed record IndicatorCondition(IndicatorDefinition Indicator, IndicatorTest Test, int ForYears, int? MinPupils) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [new EvidenceKey(Indicator.Id)];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var name = Indicator.Name;
        if (NotPublished(Indicator, evidence) is { } unpublished) return unpublished;
        if (!evidence.Indicators.TryGetValue(Indicator.Id, out var held) || held.Latest is not { } latest)
            return ConditionResult.MissingEvidence($"{name}: no figure held");
        if (evidence.LatestDataYear is { } dataYear && latest.AcademicYear < dataYear)
            return ConditionResult.MissingEvidence($"{name}: no figure for {AcademicYear.Format(dataYear)} (the latest held is {AcademicYear.Format(latest.AcademicYear)})");

        if (Test is TrendTestOf trend)
        {
            var direction = Trends.Direction(Indicator.Polarity, [.. held.Years.Select(y => (IndicatorValue?)y.Value)]);
            var item = new EvidenceItem($"{name}, trend", $"{Describe(direction)}: {string.Join(" → ", held.Years.Select(y => Format(y.Value.Value)))}",
                $"{AcademicYear.Format(held.Years[0].AcademicYear)} to {AcademicYear.Format(latest.AcademicYear)}");
            if (direction == TrendDirection.NotEnoughYears) return ConditionResult.MissingEvidence($"{name}: fewer than two years held, so no trend");
            if (MinPupils is { } fewest && latest.Value.Pupils < fewest) return ConditionResult.NotJudged(TooFew(latest), item);
            var holds = direction == TrendDirection.Declining || (trend.Test == TrendTest.NotImproving && direction == TrendDirection.NoSignificantChange);
            return ConditionResult.Of(holds, item);
        }

        // "Each of the last N years" counts the years the measure was published: a year with no results is skipped, not failed.
        var wanted = Enumerable.Range(0, 10).Select(back => latest.AcademicYear - back).Where(Indicator.IsPublishedIn).Take(ForYears).ToHashSet();
        var years = held.Years.Where(y => wanted.Contains(y.AcademicYear)).ToList();
        if (years.Count < ForYears)
            return ConditionResult.MissingEvidence($"{name}: the test needs each of the last {ForYears} years and {years.Count} {(years.Count == 1 ? "is" : "are")} held");
        var items = new List<EvidenceItem>();
        var all = true;
        foreach (var year in years)
        {
            var (holds, item, missing, note) = TestYear(year);
            if (missing is not null) return ConditionResult.MissingEvidence(missing);
            items.Add(item!);
            if (note is not null) return ConditionResult.NotJudged(note, [.. items]);
            all &= holds;
        }
        return ConditionResult.Of(all, [.. items]);
    }

    /// <summary>
    /// A measure the DfE did not publish for the LA's latest data year cannot be held, so a rule that needs it does not
    /// fire (and missing evidence is not claimed); the evidence says why, in the indicator's own words.
    /// </summary>
    internal static ConditionResult? NotPublished(IndicatorDefinition indicator, SchoolEvidence evidence) =>
        evidence.LatestDataYear is { } year && indicator.NotPublishedIn(year) is { } reason
            ? ConditionResult.Of(false, new EvidenceItem(indicator.Name, reason, AcademicYear.Format(year)))
            : null;

    private (bool Holds, EvidenceItem? Item, string? Missing, string? Note) TestYear(IndicatorYear year)
    {
        var v = year.Value;
        var date = AcademicYear.Format(year.AcademicYear);
        var higherBetter = Indicator.Polarity == Polarity.HigherIsBetter;
        var pupils = v.Pupils > 0 ? $" ({v.Pupils:0} pupils)" : "";
        switch (Test)
        {
            case SchoolRuleTest:
                {
                    var meets = v.Value >= 50;
                    return (meets, new EvidenceItem(Indicator.Name, meets ? "yes" : "no", date), null, null);
                }
            case ThresholdTest t:
                {
                    var item = new EvidenceItem(Indicator.Name, $"{Format(v.Value)}{pupils}, against {Format(t.Value)}", date);
                    if (MinPupils is { } fewest && v.Pupils < fewest) return (false, item, null, TooFew(year));
                    return Worse(v, t.Value, t.Significantly, item);
                }
            case BenchmarkTest b:
                {
                    var benchmark = b.Against switch { Benchmark.England => year.England, Benchmark.La => year.La, Benchmark.Locality => year.Locality };
                    if (benchmark is not { } mark) return (false, null, $"{Indicator.Name}: no {Describe(b.Against)} figure for {date} to compare with", null);
                    var limit = higherBetter ? mark - b.By : mark + b.By;
                    var gap = b.By > 0 ? $" by {FormatDifference(b.By)} or more" : "";
                    var item = new EvidenceItem(Indicator.Name, $"{Format(v.Value)}{pupils}; {Describe(b.Against)} {Format(mark)}{(b.Significantly ? ", test: significantly worse" : ", test: worse")}{gap}", date);
                    if (MinPupils is { } fewest && v.Pupils < fewest) return (false, item, null, TooFew(year));
                    return Worse(v, limit, b.Significantly, item);
                }
            default:
                throw new InvalidOperationException($"Unexpected test {Test}");
        }
    }

    private (bool, EvidenceItem?, string?, string?) Worse(IndicatorValue v, double limit, bool significantly, EvidenceItem item)
    {
        var higherBetter = Indicator.Polarity == Polarity.HigherIsBetter;
        if (!significantly) return (higherBetter ? v.Value < limit : v.Value > limit, item, null, null);
        var better = higherBetter ? v.Upper : v.Lower;
        if (better is not { } bound) return (false, item, null, $"{Indicator.Name}: no confidence interval, so significance cannot be tested");
        return (higherBetter ? bound < limit : bound > limit, item with { Value = item.Value + $" (95% interval {Format(v.Lower ?? v.Value)} to {Format(v.Upper ?? v.Value)})" }, null, null);
    }

    private string TooFew(IndicatorYear year) =>
        $"{Indicator.Name} {AcademicYear.Format(year.AcademicYear)}: {year.Value.Pupils:0} pupils, fewer than the {MinPupils} the rule needs to judge";

    public string Format(double value) => Indicator.Unit switch
    {
        IndicatorUnit.Percent => value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        IndicatorUnit.PercentagePoints => value.ToString("0.0", CultureInfo.InvariantCulture) + " points",
        IndicatorUnit.Score => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private string FormatDifference(double value) => Indicator.Unit == IndicatorUnit.Score
        ? value.ToString("0.00", CultureInfo.InvariantCulture)
        : value.ToString("0.0", CultureInfo.InvariantCulture) + " points";

    internal static string Describe(Benchmark benchmark) => benchmark switch
    {
        Benchmark.England => "England",
        Benchmark.La => "LA",
        Benchmark.Locality => "locality",
    };

    private static string Describe(TrendDirection direction) => direction switch
    {
        TrendDirection.Improving => "improving",
        TrendDirection.Declining => "declining",
        TrendDirection.NoSignificantChange => "no significant change",
        TrendDirection.NotEnoughYears => "not enough years",
    };
}

/// <summary>
/// The latest Ofsted inspection (or one of its key judgements) is at <see cref="AtOrWorse"/> or worse on the
/// four-point scale or the categories of concern. A report card inspection has no four-point grade: only its category
/// of concern is read, and without one this condition does not hold (<see cref="ReportCardCondition"/> reads its grades).
/// </summary>
public sealed record OfstedCondition(OfstedStanding AtOrWorse, JudgementArea? Area) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [EvidenceKey.Ofsted];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        if (evidence.Ofsted is not { } ofsted) return ConditionResult.MissingEvidence("Ofsted: no inspection held");
        var source = ofsted.Source == OfstedEvidenceSource.Gias ? " (from the GIAS register)" : "";
        var reportCard = ofsted.Framework == OfstedFramework.ReportCard;
        OfstedStanding? standing;
        string what;
        if (Area is { } area && area != JudgementArea.OverallEffectiveness)
        {
            standing = ofsted.KeyJudgements.TryGetValue(area, out var grade) ? (OfstedStanding)(int)grade : null;
            what = $"Ofsted: {area.Describe().ToLowerInvariant()}";
            if (reportCard) return ConditionResult.Of(false);
        }
        else
        {
            standing = ofsted.Standing;
            what = reportCard ? "Ofsted report card: category of concern"
                : ofsted.OverallEffectiveness is null && ofsted.Category is null ? "Ofsted: worst key judgement (no overall grade since September 2024)" : "Ofsted inspection";
            if (reportCard && standing is null) return ConditionResult.Of(false);
        }
        if (standing is not { } s) return ConditionResult.MissingEvidence($"{what}: not given at the inspection of {Day(ofsted.InspectionDate)}");
        var shown = ofsted.Category is { } category && Area is null or JudgementArea.OverallEffectiveness ? category.Describe() : Describe(s);
        return ConditionResult.Of(s >= AtOrWorse, new EvidenceItem(what, shown + source, Day(ofsted.InspectionDate)));
    }

    public static string Describe(OfstedStanding standing) => standing switch
    {
        OfstedStanding.Outstanding => "Outstanding",
        OfstedStanding.Good => "Good",
        OfstedStanding.RequiresImprovement => "Requires improvement",
        OfstedStanding.Inadequate => "Inadequate",
        OfstedStanding.NoticeToImprove => "Notice to improve",
        OfstedStanding.SeriousWeaknesses => "Serious weaknesses",
        OfstedStanding.SpecialMeasures => "Special measures",
    };
}

/// <summary>Ofsted found safeguarding not effective (before the report card) or its standards not met (report card).</summary>
public sealed record OfstedSafeguardingCondition : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [EvidenceKey.Ofsted];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        if (evidence.Ofsted is not { } ofsted) return ConditionResult.MissingEvidence("Ofsted: no safeguarding judgement held");
        if (ofsted.SafeguardingEffective is not { } effective)
            return ConditionResult.MissingEvidence($"Ofsted: no safeguarding judgement recorded for the inspection of {Day(ofsted.InspectionDate)}");
        var (yes, no) = ofsted.Framework == OfstedFramework.ReportCard ? ("standards met", "standards not met") : ("effective", "not effective");
        return ConditionResult.Of(!effective, new EvidenceItem("Ofsted: safeguarding", effective ? yes : no, Day(ofsted.InspectionDate)));
    }
}

/// <summary>
/// The latest self-evaluation or SIP judgement of an area is at <see cref="AtOrWorse"/> or worse on the four-point
/// scale. Once the source judges on the report card scale, its four-point judgements are no longer read and this
/// condition does not hold (<see cref="ReportCardJudgementCondition"/> reads the new ones).
/// </summary>
public sealed record JudgementCondition(JudgementSource Source, JudgementArea Area, OfstedJudgement AtOrWorse) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [Source == JudgementSource.SelfEvaluation ? EvidenceKey.SelfEvaluation : EvidenceKey.Sip];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var what = $"{Whose(Source)} of {Area.Describe().ToLowerInvariant()}";
        if (evidence.CurrentScale(Source) == JudgementScale.ReportCard) return ConditionResult.Of(false);
        if (evidence.LatestJudgement(Source, Area) is not { Grade.FourPoint: { } grade } judgement) return ConditionResult.MissingEvidence($"{what}: none recorded");
        return ConditionResult.Of(grade >= AtOrWorse,
            new EvidenceItem(what, grade.Describe(), $"{AcademicYear.Format(judgement.AcademicYear)}, judged {Day(judgement.JudgedOn)}"));
    }

    internal static string Whose(JudgementSource source) => source == JudgementSource.SelfEvaluation ? "The school's self-evaluation" : "The SIP's judgement";
}

/// <summary>The LA has an open concern of this kind about the school. No concern recorded means none: never unknown.</summary>
public sealed record ConcernCondition(ConcernKind Kind) : Condition
{
    /// <summary>How a concern is named in a rule's evidence.</summary>
    public const string EvidenceLabel = "Concern recorded by the LA";

    public override IEnumerable<EvidenceKey> Reads => [];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var open = evidence.OpenConcerns.Where(c => c.Kind == Kind).OrderBy(c => c.RaisedOn).ToList();
        if (open.Count == 0) return ConditionResult.Of(false);
        return ConditionResult.Of(true, [.. open.Select(c => new EvidenceItem(EvidenceLabel, $"{Kind.Describe()}, open", $"raised {Day(c.RaisedOn)}"))]);
    }
}

/// <summary>
/// Evidence is missing or out of date: no Ofsted inspection within <see cref="WithinYears"/> years, no self-evaluation
/// or SIP judgement in the last <see cref="WithinYears"/> academic years, or no figure for the LA's latest data year.
/// How the rules handle missing evidence is written as rules like this one, never assumed.
/// </summary>
public sealed record MissingCondition(EvidenceKey Key, int WithinYears, IndicatorDefinition? Indicator) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        if (Key == EvidenceKey.Ofsted)
        {
            if (evidence.Ofsted is not { } ofsted) return ConditionResult.Of(true, new EvidenceItem("Ofsted inspection", "none held", "—"));
            var stale = ofsted.InspectionDate < evidence.AsOf.AddYears(-WithinYears);
            return ConditionResult.Of(stale, new EvidenceItem("Latest Ofsted inspection", stale ? $"more than {WithinYears} years ago" : $"within {WithinYears} years", Day(ofsted.InspectionDate)));
        }
        if (Key == EvidenceKey.SelfEvaluation || Key == EvidenceKey.Sip)
        {
            var source = Key == EvidenceKey.Sip ? JudgementSource.SchoolImprovementPartner : JudgementSource.SelfEvaluation;
            var what = source == JudgementSource.SchoolImprovementPartner ? "SIP judgement" : "School self-evaluation";
            var latest = evidence.Judgements.Where(j => j.Source == source).OrderByDescending(j => j.AcademicYear).FirstOrDefault();
            var earliest = evidence.CurrentAcademicYear - WithinYears + 1;
            var window = WithinYears == 1 ? AcademicYear.Format(evidence.CurrentAcademicYear) : $"{AcademicYear.Format(earliest)} or {AcademicYear.Format(evidence.CurrentAcademicYear)}";
            if (latest is null) return ConditionResult.Of(true, new EvidenceItem(what, "none recorded", "—"));
            var stale = latest.AcademicYear < earliest;
            return ConditionResult.Of(stale, new EvidenceItem(what, stale ? $"none for {window}; the latest is for {AcademicYear.Format(latest.AcademicYear)}" : "recorded", AcademicYear.Format(latest.AcademicYear)));
        }
        var indicator = Indicator!;
        if (IndicatorCondition.NotPublished(indicator, evidence) is { } unpublished) return unpublished;
        if (!evidence.Indicators.TryGetValue(indicator.Id, out var held) || held.Latest is not { } year)
            return ConditionResult.Of(true, new EvidenceItem(indicator.Name, "no figure held", evidence.LatestDataYear is { } y ? AcademicYear.Format(y) : "—"));
        var needed = (evidence.LatestDataYear ?? year.AcademicYear) - WithinYears + 1;
        var old = year.AcademicYear < needed;
        return ConditionResult.Of(old, new EvidenceItem(indicator.Name, old ? $"no figure since {AcademicYear.Format(year.AcademicYear)}" : "held", AcademicYear.Format(year.AcademicYear)));
    }
}
