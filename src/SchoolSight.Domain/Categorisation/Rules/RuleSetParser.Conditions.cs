using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.Categorisation.Rules;

public sealed partial class RuleSetParser
{
    private static readonly string[] Subjects = ["indicator", "ofsted", "ofsted-safeguarding", "self-evaluation", "sip", "concern", "missing", "any", "all"];

    private static readonly (string Slug, OfstedStanding Standing)[] Standings =
    [
        ("outstanding", OfstedStanding.Outstanding), ("good", OfstedStanding.Good), ("requires-improvement", OfstedStanding.RequiresImprovement),
        ("inadequate", OfstedStanding.Inadequate), ("notice-to-improve", OfstedStanding.NoticeToImprove),
        ("serious-weaknesses", OfstedStanding.SeriousWeaknesses), ("significant-improvement", OfstedStanding.SeriousWeaknesses),
        ("special-measures", OfstedStanding.SpecialMeasures),
    ];

    private Condition? ParseCondition(YamlNode node, string label, IReadOnlySet<SchoolPhase>? phases)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"Each condition of {label} must be a mapping such as 'indicator: KS2_RWM_EXP' with its test");
            return null;
        }
        var subjects = map.Children.Keys.Select(Scalar).Where(k => Subjects.Contains(k)).ToList();
        if (subjects.Count != 1)
        {
            Error(map, subjects.Count == 0
                ? $"A condition of {label} must name its evidence with one of: {string.Join(", ", Subjects)}"
                : $"A condition of {label} names {string.Join(" and ", subjects)}: put each in its own condition (all must hold), or under 'any'");
            return null;
        }
        var subject = subjects[0];
        var value = Child(map, subject)!;
        switch (subject)
        {
            case "indicator": return ParseIndicator(map, value, label, phases);
            case "ofsted":
                {
                    if (ReportCardGrades.TryParse(Scalar(value), out var reportCardGrade))
                    {
                        Keys(map, "an Ofsted report card condition", ["ofsted", "area", "in-areas"]);
                        return ParseReportCardTest(map, value, reportCardGrade, label, phases) is { } test ? new ReportCardCondition(test) : null;
                    }
                    Keys(map, "an Ofsted condition", ["ofsted", "area"]);
                    var standing = Standings.FirstOrDefault(s => s.Slug == Scalar(value).ToLowerInvariant());
                    if (standing.Slug is null)
                    {
                        Error(value, $"'{Scalar(value)}' is not an Ofsted outcome: use {string.Join(", ", Standings.Select(s => s.Slug))}, or a report card grade: {ReportCardGradeList} (each means that or worse)");
                        return null;
                    }
                    var area = Area(map, label, phases);
                    if (area is { Ok: false } || !OnScale(map, area?.Area, JudgementScale.FourPoint, standing.Slug)) return null;
                    if (area?.Area is { } a && a != JudgementArea.OverallEffectiveness && standing.Standing > OfstedStanding.Inadequate)
                    {
                        Error(value, $"A key judgement such as {a.Slug()} is graded outstanding to inadequate: '{standing.Slug}' is a category of concern, which only the overall outcome has, so this condition can never fire");
                        return null;
                    }
                    if (standing.Standing == OfstedStanding.Outstanding)
                    {
                        Error(value, "'ofsted: outstanding' means outstanding or worse, which is every inspected school: compare with a worse outcome");
                        return null;
                    }
                    return new OfstedCondition(standing.Standing, area?.Area);
                }
            case "ofsted-safeguarding":
                Keys(map, "an Ofsted safeguarding condition", ["ofsted-safeguarding"]);
                if (!string.Equals(Scalar(value), "not-effective", StringComparison.OrdinalIgnoreCase))
                {
                    Error(value, $"'ofsted-safeguarding' can only test 'not-effective', not '{Scalar(value)}'");
                    return null;
                }
                return new OfstedSafeguardingCondition();
            case "self-evaluation" or "sip":
                {
                    var judgedBy = subject == "sip" ? JudgementSource.SchoolImprovementPartner : JudgementSource.SelfEvaluation;
                    if (ReportCardGrades.TryParse(Scalar(value), out var reportCardGrade))
                    {
                        Keys(map, $"a {subject} report card condition", [subject, "area", "in-areas"]);
                        return ParseReportCardTest(map, value, reportCardGrade, label, phases) is { } test ? new ReportCardJudgementCondition(judgedBy, test) : null;
                    }
                    Keys(map, $"a {subject} condition", [subject, "area"]);
                    if (!JudgementVocabulary.TryParseGrade(Scalar(value), out var grade) || int.TryParse(Scalar(value), out _))
                    {
                        Error(value, $"'{Scalar(value)}' is not a grade: use {Grades}, or a report card grade: {ReportCardGradeList} (each means that or worse)");
                        return null;
                    }
                    if (grade == OfstedJudgement.Outstanding)
                    {
                        Error(value, $"'{subject}: outstanding' means outstanding or worse, which is every school with a judgement: compare with a worse grade");
                        return null;
                    }
                    var area = Area(map, label, phases);
                    if (area is { Ok: false } || !OnScale(map, area?.Area, JudgementScale.FourPoint, grade.Slug())) return null;
                    return new JudgementCondition(judgedBy, area?.Area ?? JudgementArea.OverallEffectiveness, grade);
                }
            case "concern":
                Keys(map, "a concern condition", ["concern"]);
                if (!ConcernKinds.TryParse(Scalar(value), out var kind))
                {
                    Error(value, $"'{Scalar(value)}' is not a kind of concern: use {string.Join(" or ", ConcernKinds.All.Select(k => k.Slug()))}");
                    return null;
                }
                return new ConcernCondition(kind);
            case "missing": return ParseMissing(map, value, label);
            default:
                {
                    Keys(map, $"an '{subject}' condition", [subject]);
                    if (value is not YamlSequenceNode seq || seq.Children.Count == 0)
                    {
                        Error(value, $"'{subject}' must be a list of at least one condition");
                        return null;
                    }
                    var parts = seq.Children.Select(c => ParseCondition(c, label, phases)).ToList();
                    if (parts.Any(p => p is null)) return null;
                    if (subject == "any") return new AnyCondition([.. parts!]);
                    var all = new AllCondition([.. parts!]);
                    CheckNotContradictory(all, seq, label);
                    return all;
                }
        }
    }

    private static readonly string ReportCardGradeList = string.Join(", ", ReportCardGrades.All.Select(g => g.Slug()));

    /// <summary>"area" must be an area the grade's scale judges: a four-point grade of a report card area never fires.</summary>
    private bool OnScale(YamlMappingNode map, JudgementArea? area, JudgementScale scale, string grade)
    {
        if (area is not { } a || scale.Areas().Contains(a)) return true;
        Error(Child(map, "area")!, $"'{grade}' is a grade of the {scale.Describe()}, which does not judge {a.Slug()}: use one of {string.Join(", ", scale.Areas().Select(x => x.Slug()))}");
        return false;
    }

    /// <summary>A report card grade with either an area or, for any area, how many areas ("in-areas", 1 when left out).</summary>
    private ReportCardTest? ParseReportCardTest(YamlMappingNode map, YamlNode value, ReportCardGrade grade, string label, IReadOnlySet<SchoolPhase>? phases)
    {
        if (grade == ReportCardGrade.Exceptional)
        {
            Error(value, "'exceptional' means exceptional or worse, which is every graded area: compare with a worse grade");
            return null;
        }
        var area = Area(map, label, phases);
        if (area is { Ok: false } || !OnScale(map, area?.Area, JudgementScale.ReportCard, grade.Slug())) return null;
        var inAreas = WholeNumber(map, "in-areas", 1, JudgementScale.ReportCard.Areas().Count, label);
        if (Child(map, "in-areas") is { } given)
        {
            if (inAreas is null) return null;
            if (area is not null)
            {
                Error(given, "Give either 'area' (one area) or 'in-areas' (how many of the areas), not both");
                return null;
            }
        }
        return new ReportCardTest(grade, area?.Area, inAreas ?? 1);
    }

    private (JudgementArea? Area, bool Ok)? Area(YamlMappingNode map, string label, IReadOnlySet<SchoolPhase>? phases)
    {
        if (Child(map, "area") is not { } node) return null;
        if (!JudgementVocabulary.TryParseArea(Scalar(node), out var area))
        {
            Error(node, $"'{Scalar(node)}' is not a judgement area: use {string.Join(", ", JudgementVocabulary.Areas.Select(a => a.Slug()))}");
            return (null, false);
        }
        var possible = area switch
        {
            JudgementArea.EarlyYears => new[] { SchoolPhase.EarlyYearsSetting, SchoolPhase.Nursery, SchoolPhase.Primary, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.Other },
            JudgementArea.SixthForm => [SchoolPhase.Secondary, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.Post16, SchoolPhase.Other],
            _ => null,
        };
        if (possible is not null && phases is not null && !phases.Overlaps(possible))
        {
            Error(node, $"{Capital(label)} applies only to {string.Join(", ", phases.Select(PhaseSlug))} schools, which have no {area.Describe().ToLowerInvariant()}, so it can never fire");
            return (null, false);
        }
        return (area, true);
    }

    private Condition? ParseIndicator(YamlMappingNode map, YamlNode value, string label, IReadOnlySet<SchoolPhase>? phases)
    {
        Keys(map, "an indicator condition", ["indicator", "worse-than", "by", "significantly", "trend", "for-years", "min-pupils"]);
        var id = Scalar(value);
        if (catalogue.Find(id) is not { } indicator)
        {
            Error(value, $"'{id}' is not an indicator in the catalogue{Suggest(id)}");
            return null;
        }
        var stagePhases = StagePhases(indicator.Stage);
        if (stagePhases is not null && phases is not null && !phases.Overlaps(stagePhases))
        {
            Error(value, $"{indicator.Id} is a {indicator.Stage!.ToLowerInvariant()} indicator but {label} applies only to {string.Join(", ", phases.Select(PhaseSlug))} schools, which have no such figures, so it can never fire");
            return null;
        }

        var worse = Child(map, "worse-than");
        var trend = Child(map, "trend");
        var by = Child(map, "by");
        var significantly = Flag(map, "significantly", label) ?? false;
        var forYears = WholeNumber(map, "for-years", 1, MaxForYears, label);
        var minPupils = WholeNumber(map, "min-pupils", 1, 10000, label);
        if ((Child(map, "for-years") is not null && forYears is null) || (Child(map, "min-pupils") is not null && minPupils is null)) return null;

        if (indicator.Kind == IndicatorKind.SchoolShare)
        {
            if (worse is not null || trend is not null || by is not null || significantly)
            {
                Error(worse ?? trend ?? by ?? value, $"{indicator.Id} tests whether the school itself meets its rule ({indicator.Numerator.ToLowerInvariant()}): leave out worse-than, by, significantly and trend");
                return null;
            }
            return new IndicatorCondition(indicator, new SchoolRuleTest(), forYears ?? 1, minPupils);
        }
        if ((worse is null) == (trend is null))
        {
            Error(worse ?? map, worse is null
                ? $"Say what the {indicator.Id} condition tests: 'worse-than' a number or a benchmark (england, la, locality), or a 'trend' (declining or not-improving)"
                : $"The {indicator.Id} condition has both 'worse-than' and 'trend': make them two conditions");
            return null;
        }
        if (trend is not null)
        {
            if (by is not null || significantly || forYears is not null)
            {
                Error((by ?? Child(map, "significantly") ?? Child(map, "for-years"))!, "A trend is already judged for significance over the last three years: leave out by, significantly and for-years");
                return null;
            }
            var test = Scalar(trend).ToLowerInvariant() switch { "declining" => TrendTest.Declining, "not-improving" => TrendTest.NotImproving, _ => (TrendTest?)null };
            if (test is null)
            {
                Error(trend, $"'{Scalar(trend)}' is not a trend test: use declining or not-improving");
                return null;
            }
            return new IndicatorCondition(indicator, new TrendTestOf(test.Value), 1, minPupils);
        }

        var benchmark = Scalar(worse!).ToLowerInvariant() switch { "england" => Benchmark.England, "la" => Benchmark.La, "locality" => Benchmark.Locality, _ => (Benchmark?)null };
        if (benchmark is { } against)
        {
            var margin = 0.0;
            if (by is not null && (!TryNumber(by, out margin) || margin < 0))
            {
                Error(by, $"'by' must be a number zero or more in the indicator's unit ({Unit(indicator)}), not '{Scalar(by)}'");
                return null;
            }
            if (indicator.Unit == IndicatorUnit.Percent && margin >= 100)
            {
                Error(by!, $"{indicator.Id} is a percentage, so no school can be {margin} points worse than a benchmark: this condition can never fire");
                return null;
            }
            return new IndicatorCondition(indicator, new BenchmarkTest(against, margin, significantly), forYears ?? 1, minPupils);
        }
        if (by is not null)
        {
            Error(by, "'by' is a margin against a benchmark (england, la or locality); with a fixed number, put the margin in the number");
            return null;
        }
        if (!TryNumber(worse!, out var threshold))
        {
            Error(worse!, $"'worse-than: {Scalar(worse!)}' is not a comparison: give a number in the indicator's unit ({Unit(indicator)}) or a benchmark: england, la or locality");
            return null;
        }
        var (low, high) = indicator.Unit switch { IndicatorUnit.Percent => (0.0, 100.0), IndicatorUnit.PercentagePoints => (-100.0, 100.0), _ => (double.NegativeInfinity, double.PositiveInfinity) };
        var higherBetter = indicator.Polarity == Polarity.HigherIsBetter;
        if ((higherBetter && threshold <= low) || (!higherBetter && threshold >= high))
        {
            Error(worse!, $"{indicator.Id} is {(higherBetter ? "higher" : "lower")} is better and runs from {low} to {high}{(indicator.Unit == IndicatorUnit.Percent ? "%" : "")}, so no value is worse than {threshold}: this condition can never fire");
            return null;
        }
        if ((higherBetter && threshold > high) || (!higherBetter && threshold < low))
        {
            Error(worse!, $"{indicator.Id} runs from {low} to {high}, so every value is worse than {threshold}: this is not a useful comparison");
            return null;
        }
        return new IndicatorCondition(indicator, new ThresholdTest(threshold, significantly), forYears ?? 1, minPupils);
    }

    /// <summary>": did you mean KS2_RWM_EXP?" for a near miss or a typing mistake in an indicator id, otherwise where to find the ids.</summary>
    private string Suggest(string id)
    {
        var near = NearMatches.Of(id, catalogue.Indicators.Select(i => i.Id));
        return near.Count > 0 ? $": did you mean {string.Join(" or ", near)}?" : " (the indicators page lists their ids)";
    }

    private static string Unit(IndicatorDefinition indicator) => indicator.Unit switch
    {
        IndicatorUnit.Percent => "a percentage, " + (indicator.Polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better"),
        IndicatorUnit.PercentagePoints => "percentage points, " + (indicator.Polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better"),
        IndicatorUnit.Score => "a score, " + (indicator.Polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better"),
    };

    /// <summary>The phases that can have figures for a standards stage; null for well-being indicators, which any school can have.</summary>
    private static SchoolPhase[]? StagePhases(string? stage) => stage switch
    {
        "Early years" => [SchoolPhase.EarlyYearsSetting, SchoolPhase.Nursery, SchoolPhase.Primary, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.Other],
        "Primary" => [SchoolPhase.Primary, SchoolPhase.Middle, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.PupilReferralUnit, SchoolPhase.Other],
        "Secondary" => [SchoolPhase.Secondary, SchoolPhase.Middle, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.PupilReferralUnit, SchoolPhase.Other],
        _ => null,
    };

    private Condition? ParseMissing(YamlMappingNode map, YamlNode value, string label)
    {
        Keys(map, "a missing-evidence condition", ["missing", "within-years"]);
        var within = WholeNumber(map, "within-years", 1, 20, label);
        if (Child(map, "within-years") is not null && within is null) return null;
        var items = value is YamlSequenceNode seq ? seq.Children : [value];
        var parts = new List<Condition>();
        foreach (var item in items)
        {
            var text = Scalar(item);
            var lower = text.ToLowerInvariant();
            if (lower is "ofsted" or "self-evaluation" or "sip")
                parts.Add(new MissingCondition(new EvidenceKey(lower), within ?? (lower == "ofsted" ? 5 : 1), null));
            else if (catalogue.Find(text) is { } indicator)
                parts.Add(new MissingCondition(new EvidenceKey(indicator.Id), within ?? 1, indicator));
            else
                Error(item, $"'{text}' is not evidence a rule can find missing: use ofsted, self-evaluation, sip or an indicator id{Suggest(text)}");
        }
        if (parts.Count != items.Count) return null;
        if (parts.Count == 0)
        {
            Error(value, "'missing' must name at least one piece of evidence");
            return null;
        }
        return parts.Count == 1 ? parts[0] : new AnyCondition(parts);
    }

    /// <summary>All of: evidence that is missing cannot also be tested, so "missing X" with a test on X can never fire.</summary>
    private void CheckNotContradictory(AllCondition all, YamlNode node, string label)
    {
        var missing = all.Conditions.OfType<MissingCondition>().Select(m => m.Key).ToHashSet();
        var tested = all.Conditions.Where(c => c is not MissingCondition and not AnyCondition).SelectMany(c => c.Reads).ToHashSet();
        foreach (var key in missing.Intersect(tested))
            Error(node, $"{Capital(label)} needs {key} to be missing and also tests it, so it can never fire");
    }

    /// <summary>
    /// Missing evidence is never silently good: each piece of evidence a rule tests must be covered by a rule saying
    /// what happens when it is missing, for (at least) the phases the rule applies to.
    /// </summary>
    private void CheckMissingEvidenceCovered(IReadOnlyList<Rule> rules)
    {
        var cover = rules.SelectMany(r => MissingKeys(r.When).Select(k => (Key: k, r.Phases))).ToList();
        foreach (var rule in rules)
            foreach (var key in rule.When.Reads.Distinct())
            {
                var covered = cover.Any(c => c.Key == key && (c.Phases is null || (rule.Phases is not null && rule.Phases.IsSubsetOf(c.Phases))));
                if (!covered)
                    _errors.Add(new(rule.Line, 1, $"Rule '{rule.Id}' tests {key}, but no rule says what happens when it is missing" +
                        (rule.Phases is null ? "" : $" for {string.Join(", ", rule.Phases.Select(PhaseSlug))} schools") +
                        $": add a rule with 'missing: {key}' (for example pointing to review)"));
            }
    }

    private static IEnumerable<EvidenceKey> MissingKeys(Condition condition) => condition switch
    {
        MissingCondition m => [m.Key],
        AnyCondition any => any.Conditions.All(c => c is MissingCondition) ? any.Conditions.SelectMany(MissingKeys) : [],
        _ => [],
    };
}
